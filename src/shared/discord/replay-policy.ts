/**
 * Which interactions the boundary claims in the ledger before running them, so that a replayed signed
 * request runs once. Pure: decided from the handlers' declarations and the interaction alone.
 *
 * Claimed: a command, button, select menu or form a handler owns, unless that handler declares itself
 * read-only for it (`readOnly` in handlers.ts). Not claimed: PING and autocomplete (they change
 * nothing), anything no handler owns (nothing runs), and read-only handlers, whose replay only sends
 * the same answer again to whoever holds the signed request, within the timestamp window.
 */
import { ApplicationCommandType, InteractionType } from "discord-api-types/payloads/v10";
import type { APIChatInputApplicationCommandInteraction, APIInteraction } from "discord-api-types/v10";
import type { InteractionHandlers, ReadOnly } from "./handlers";
import { splitCustomId } from "./router";

/** A handler's declaration, read for this interaction; undefined (not declared) claims. */
function declaredReadOnly<I>(readOnly: ReadOnly<I> | undefined, interaction: I): boolean {
  return readOnly === true || (typeof readOnly === "function" && readOnly(interaction));
}

/** Whether the interaction's id must be claimed (a repeat then answered, not run) before its handler. */
export function mustClaim<Env>(handlers: InteractionHandlers<Env>, interaction: APIInteraction): boolean {
  switch (interaction.type) {
    case InteractionType.ApplicationCommand: {
      if (interaction.data.type !== ApplicationCommandType.ChatInput) return false;
      const command = handlers.commands.find((c) => c.data.name === interaction.data.name);
      const chatInput = interaction as APIChatInputApplicationCommandInteraction;
      return command !== undefined && !declaredReadOnly(command.readOnly, chatInput);
    }
    case InteractionType.MessageComponent: {
      const [prefix] = splitCustomId(interaction.data.custom_id);
      const handler = handlers.components?.find((h) => h.prefix === prefix);
      return handler !== undefined && !declaredReadOnly(handler.readOnly, interaction);
    }
    case InteractionType.ModalSubmit: {
      const [prefix] = splitCustomId(interaction.data.custom_id);
      return handlers.modals?.some((h) => h.prefix === prefix) ?? false;
    }
    default:
      return false;
  }
}
