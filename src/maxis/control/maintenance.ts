/**
 * Maintenance mode in the interaction path: while an operator has it on, members get a localized,
 * private notice saying since when, instead of the feature (autocomplete gets no choices). Staff and
 * administrators keep working, so they can check things and answer tickets while members wait. The
 * flag lives in the shared state object, so every isolate agrees (within a second: each isolate keeps
 * what it read for that long, runtime-state-cache.ts); control calls do not pass here.
 */
import type { InteractionContext, InteractionHandlers } from "../../shared/discord/handlers";
import { autocompleteChoices, ephemeral } from "../../shared/discord/responses";
import type { Translator } from "../../shared/i18n";
import { type AppRole, appRoleOf } from "../auth/app-role";
import { staffRolesFor } from "../identity";
import { runtimeState } from "./runtime-state-cache";
import type { RuntimeState } from "./state-store";

type Maintenance = RuntimeState["maintenance"];

const OFF: Maintenance = { on: false, since: null, by: null };

/** The shared state's maintenance flag (at most a second old). If it cannot be read, Maxis keeps serving. */
export async function maintenanceState(env: Pick<MaxisEnv, "CONTROL_STATE">): Promise<Maintenance> {
  try {
    return (await runtimeState(env)).maintenance;
  } catch (error) {
    console.error("maintenance: could not read the control state", error);
    return OFF;
  }
}

/** Whether maintenance turns this caller away: members only, never staff or administrators. */
export function turnedAway(maintenance: Maintenance, role: AppRole): boolean {
  return maintenance.on && role === "member";
}

/** The notice, with the moment maintenance began as a Discord timestamp each reader sees in their own time zone. */
export function maintenanceNotice(t: Translator, since: number | null): string {
  if (since === null) return t("maintenance.notice");
  return t("maintenance.notice_since", { since: Math.floor(since / 1000) });
}

/**
 * The notice for this caller, or null when they may go on. The state is read for staff too: that read
 * is also how this isolate notices a soft restart (a new boot id).
 */
async function noticeFor(ctx: InteractionContext<MaxisEnv>): Promise<string | null> {
  const maintenance = await maintenanceState(ctx.env);
  // Who is staff is only worth a settings read while maintenance is on.
  if (!maintenance.on) return null;
  const role = appRoleOf(ctx.interaction.member, await staffRolesFor(ctx.env, ctx.interaction));
  return turnedAway(maintenance, role) ? maintenanceNotice(ctx.t, maintenance.since) : null;
}

export function withMaintenance(handlers: InteractionHandlers<MaxisEnv>): InteractionHandlers<MaxisEnv> {
  return {
    commands: handlers.commands.map((command) => {
      const { autocomplete } = command;
      // Everything else (data, readOnly) as the command declares it.
      return {
        ...command,
        run: async (ctx) => {
          const notice = await noticeFor(ctx);
          return notice ? ephemeral(notice) : command.run(ctx);
        },
        ...(autocomplete && {
          autocomplete: async (ctx) => ((await noticeFor(ctx)) ? autocompleteChoices([]) : autocomplete(ctx)),
        }),
      };
    }),
    components: (handlers.components ?? []).map((handler) => ({
      ...handler,
      run: async (ctx, args) => {
        const notice = await noticeFor(ctx);
        return notice ? ephemeral(notice) : handler.run(ctx, args);
      },
    })),
    modals: (handlers.modals ?? []).map((handler) => ({
      prefix: handler.prefix,
      run: async (ctx, args) => {
        const notice = await noticeFor(ctx);
        return notice ? ephemeral(notice) : handler.run(ctx, args);
      },
    })),
  };
}
