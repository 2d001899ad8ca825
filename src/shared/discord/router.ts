import {
  ApplicationCommandType,
  InteractionResponseType,
  InteractionType,
} from "discord-api-types/payloads/v10";
import type {
  APIChatInputApplicationCommandInteraction,
  APIInteraction,
  APIInteractionResponse,
  APIPingInteraction,
} from "discord-api-types/v10";
import { resolveLocale, translatorFor } from "../i18n";
import { MissingOptionError } from "./command-definition";
import type { InteractionContext, InteractionHandlers } from "./handlers";
import { autocompleteChoices, ephemeral } from "./responses";

export interface RouteEnvironment<Env> {
  env: Env;
  waitUntil(promise: Promise<unknown>): void;
}

/** Builds the per-interaction context: locale from the member's client, the user who acted. */
export function contextFor<Env, I extends Exclude<APIInteraction, APIPingInteraction>>(
  interaction: I,
  { env, waitUntil }: RouteEnvironment<Env>,
): InteractionContext<Env, I> {
  const locale = resolveLocale(interaction.locale ?? interaction.guild_locale);
  const user = interaction.member?.user ?? interaction.user;
  if (!user) throw new Error("Interaction without a user");
  return { interaction, env, locale, t: translatorFor(locale), user, waitUntil };
}

export function splitCustomId(customId: string): [prefix: string, args: string[]] {
  const [prefix = "", ...args] = customId.split(":");
  return [prefix, args];
}

/**
 * Sends each interaction to the one handler that owns it. Unknown ones get a localized, private error.
 * The interaction has passed the envelope check (`envelope.ts`), so it has a user and its type's data.
 */
export async function routeInteraction<Env>(
  handlers: InteractionHandlers<Env>,
  interaction: APIInteraction,
  runtime: RouteEnvironment<Env>,
): Promise<APIInteractionResponse> {
  if (interaction.type === InteractionType.Ping) return { type: InteractionResponseType.Pong };
  const ctx = contextFor(interaction, runtime);
  try {
    switch (interaction.type) {
      case InteractionType.ApplicationCommand: {
        const command = handlers.commands.find((c) => c.data.name === interaction.data.name);
        if (!command || interaction.data.type !== ApplicationCommandType.ChatInput) {
          return ephemeral(ctx.t("error.unknown_command"));
        }
        return await command.run({
          ...ctx,
          interaction: interaction as APIChatInputApplicationCommandInteraction,
        });
      }
      case InteractionType.ApplicationCommandAutocomplete: {
        const command = handlers.commands.find((c) => c.data.name === interaction.data.name);
        if (!command?.autocomplete) return autocompleteChoices([]);
        return await command.autocomplete({ ...ctx, interaction });
      }
      case InteractionType.MessageComponent: {
        const [prefix, args] = splitCustomId(interaction.data.custom_id);
        const handler = handlers.components?.find((h) => h.prefix === prefix);
        if (!handler) return ephemeral(ctx.t("error.unknown_component"));
        return await handler.run({ ...ctx, interaction }, args);
      }
      case InteractionType.ModalSubmit: {
        const [prefix, args] = splitCustomId(interaction.data.custom_id);
        const handler = handlers.modals?.find((h) => h.prefix === prefix);
        if (!handler) return ephemeral(ctx.t("error.unknown_component"));
        return await handler.run({ ...ctx, interaction }, args);
      }
      default:
        return ephemeral(ctx.t("interaction.unknown_type"));
    }
  } catch (error) {
    // Autocomplete can only show choices: whatever failed, it shows none.
    if (interaction.type === InteractionType.ApplicationCommandAutocomplete) {
      console.error("autocomplete failed", { error });
      return autocompleteChoices([]);
    }
    if (error instanceof MissingOptionError) {
      return ephemeral(ctx.t("error.invalid_option", { option: error.option }));
    }
    console.error("interaction handler failed", { type: interaction.type, error });
    return ephemeral(ctx.t("error.internal"));
  }
}
