import type { APIApplicationCommandOptionChoice, APIInteractionResponse } from "discord-api-types/v10";
import type { AutocompleteContext } from "../../../shared/discord/handlers";
import { autocompleteChoices } from "../../../shared/discord/responses";
import { clip } from "../render/escape";
import { statusLabel } from "../render/labels";
import { autocompleteTickets, TICKET_LIMITS } from "../rpc";
import { clientFor, ticketActor } from "./context";

/**
 * Suggestions for the `ticket` option: the caller's visible tickets (their own, or the server's for
 * staff), as the database decides. Autocomplete has no way to show an error, so any refusal is no
 * suggestions.
 */
export async function autocompleteTicketOption(
  ctx: AutocompleteContext<MaxisEnv>,
  typed: string,
): Promise<APIInteractionResponse> {
  const actor = await ticketActor(ctx.interaction, ctx.env);
  if (!actor) return autocompleteChoices([]);
  const query = typed.slice(0, TICKET_LIMITS.search);
  const result = await autocompleteTickets(await clientFor(ctx.env, actor), query);
  if (!result.ok) return autocompleteChoices([]);
  const choices: APIApplicationCommandOptionChoice<string>[] = result.value.map((ticket) => ({
    // Choice names are plain text in Discord's picker: no Markdown to escape, only a length limit.
    name: clip(`#${ticket.number} · ${ticket.subject} (${statusLabel(ctx.t, ticket.status)})`, 100),
    value: String(ticket.number),
  }));
  return autocompleteChoices(choices);
}
