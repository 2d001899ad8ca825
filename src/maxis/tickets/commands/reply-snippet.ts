/**
 * Canned replies in `/ticket reply snippet:` (staff only): the option, its autocomplete (one database
 * call, at most 25 names matching what was typed), and turning a chosen snippet into the reply's text
 * in the ticket's language with its variables filled in (src/shared/snippet-render.ts).
 */
import type { APIInteractionResponse } from "discord-api-types/v10";
import { SNIPPET_LIMITS } from "../../../shared/contracts/snippets";
import { option } from "../../../shared/discord/command-definition";
import type { AutocompleteContext, InteractionContext } from "../../../shared/discord/handlers";
import { autocompleteChoices } from "../../../shared/discord/responses";
import { ok, type Result } from "../../../shared/result";
import { renderSnippet } from "../../../shared/snippet-render";
import { displayName } from "../../dashboard-auth/staff";
import { lookUpPeople } from "../../people/directory";
import { draftSnippet, type SnippetErrorCode, snippetChoices } from "../../snippets/rpc";
import { serverName } from "../../snippets/server-name";
import { clip } from "../render/escape";
import { clientFor, type TicketActor, ticketActor } from "./context";

export const snippetOption = option.string("snippet", "command.ticket.option.snippet", {
  autocomplete: true,
  max_length: SNIPPET_LIMITS.name,
});

/** Suggestions for `snippet:`: the server's snippet names containing what was typed; none for members. */
export async function autocompleteSnippetOption(
  ctx: AutocompleteContext<MaxisEnv>,
  typed: string,
): Promise<APIInteractionResponse> {
  const actor = await ticketActor(ctx.interaction, ctx.env);
  // Members never reach the database: they have no snippets to see.
  if (!actor?.staff) return autocompleteChoices([]);
  const result = await snippetChoices(await clientFor(ctx.env, actor), typed);
  if (!result.ok) return autocompleteChoices([]);
  return autocompleteChoices(result.value.map((name) => ({ name: clip(name, 100), value: name })));
}

export type SnippetText = Result<string, { code: SnippetErrorCode }>;

/**
 * The reply a staff member sends with `snippet:`: the snippet in the ticket's language, variables
 * filled in ({member}: the ticket owner's name in the server, {agent}: the sender's, {ticket}: #n,
 * {server}: the server's name), then what they typed in `message:`, if anything.
 */
export async function snippetReplyText(
  ctx: InteractionContext<MaxisEnv>,
  actor: TicketActor,
  ticket: number,
  name: string,
  message: string,
): Promise<SnippetText> {
  const draft = await draftSnippet(await clientFor(ctx.env, actor), ticket, name);
  if (!draft.ok) return draft;
  const guildId = actor.identity.guildId;
  const waitUntil = (promise: Promise<unknown>) => ctx.waitUntil(promise);
  const [people, server] = await Promise.all([
    lookUpPeople({ env: ctx.env, guildId, ids: [draft.value.ticket.ownerId], waitUntil }),
    serverName(ctx.env, guildId, waitUntil),
  ]);
  const member = ctx.interaction.member;
  const text = renderSnippet(draft.value.body, {
    member: people[0]?.name ?? undefined,
    agent: member ? displayName(member.user, member) : displayName(ctx.user),
    ticket: `#${draft.value.ticket.number}`,
    server: server ?? undefined,
  });
  return ok(message.trim() ? `${text}\n\n${message.trim()}` : text);
}
