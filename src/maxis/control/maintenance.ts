/**
 * Maintenance mode in the interaction path: while an operator has it on, every member interaction
 * gets a localized, private notice instead of the feature (autocomplete gets no choices). The flag
 * lives in the shared state object, so every isolate agrees; control calls do not pass here.
 */
import type { InteractionHandlers } from "../../shared/discord/handlers";
import { autocompleteChoices, ephemeral } from "../../shared/discord/responses";
import { observeBootId } from "./caches";
import { stateStore } from "./state-store";

/** Reads the shared state once per interaction. If it cannot be read, Maxis keeps serving. */
export async function maintenanceOn(env: Pick<MaxisEnv, "CONTROL_STATE">): Promise<boolean> {
  try {
    const state = await stateStore(env).snapshot();
    observeBootId(state.bootId);
    return state.maintenance.on;
  } catch (error) {
    console.error("maintenance: could not read the control state", error);
    return false;
  }
}

export function withMaintenance(handlers: InteractionHandlers<MaxisEnv>): InteractionHandlers<MaxisEnv> {
  return {
    commands: handlers.commands.map((command) => {
      const { autocomplete } = command;
      return {
        data: command.data,
        run: async (ctx) =>
          (await maintenanceOn(ctx.env)) ? ephemeral(ctx.t("maintenance.notice")) : command.run(ctx),
        ...(autocomplete && {
          autocomplete: async (ctx) =>
            (await maintenanceOn(ctx.env)) ? autocompleteChoices([]) : autocomplete(ctx),
        }),
      };
    }),
    components: (handlers.components ?? []).map((handler) => ({
      prefix: handler.prefix,
      run: async (ctx, args) =>
        (await maintenanceOn(ctx.env)) ? ephemeral(ctx.t("maintenance.notice")) : handler.run(ctx, args),
    })),
    modals: (handlers.modals ?? []).map((handler) => ({
      prefix: handler.prefix,
      run: async (ctx, args) =>
        (await maintenanceOn(ctx.env)) ? ephemeral(ctx.t("maintenance.notice")) : handler.run(ctx, args),
    })),
  };
}
