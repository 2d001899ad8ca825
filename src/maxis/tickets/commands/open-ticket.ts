import type { APIInteractionResponse } from "discord-api-types/v10";
import { CATEGORY_KEY_PATTERN } from "../../../shared/contracts/tickets";
import type { InteractionContext } from "../../../shared/discord/handlers";
import { ephemeral } from "../../../shared/discord/responses";
import { ticketErrorMessage } from "../errors";
import { announceNewTicket } from "../notify";
import { safeText } from "../render/escape";
import {
  createTicket,
  TICKET_PRIORITIES,
  type TicketCategory,
  type TicketPriority,
  type TicketWithDescription,
} from "../rpc";
import { openTicketThread } from "../threads/open-thread";
import { clientFor, notifierFor, refused, type TicketActor } from "./context";

/** The shape of a category key; whether the server has it (enabled) is the database's call. */
export const isCategory = (value: string): value is TicketCategory => CATEGORY_KEY_PATTERN.test(value);
export const isPriority = (value: string): value is TicketPriority =>
  (TICKET_PRIORITIES as readonly string[]).includes(value);

/** What the member gave, from options or the form; checked here and again by the database. */
export interface NewTicket {
  subject: string;
  description: string;
  category: string;
  priority: string;
}

/** Unknown category or priority (a crafted interaction or custom_id), or null when both are known. */
export function checkChoices(
  ctx: InteractionContext<MaxisEnv>,
  input: NewTicket,
): APIInteractionResponse | null {
  if (!isCategory(input.category)) return ephemeral(ticketErrorMessage(ctx.t, "invalid_category"));
  if (!isPriority(input.priority)) return ephemeral(ticketErrorMessage(ctx.t, "invalid_priority"));
  return null;
}

/**
 * Opens the ticket with one database call, answers privately, then posts it to the staff channel
 * after the answer. Shared by `/ticket create` with options and by the create form.
 */
export async function openTicket(
  ctx: InteractionContext<MaxisEnv>,
  actor: TicketActor,
  input: NewTicket,
): Promise<APIInteractionResponse> {
  const invalid = checkChoices(ctx, input);
  if (invalid) return invalid;
  const result = await createTicket(await clientFor(ctx.env, actor), {
    subject: input.subject,
    description: input.description,
    category: input.category as TicketCategory,
    priority: input.priority as TicketPriority,
    // The member's own language (from this interaction), for the DMs they will get about the ticket.
    locale: ctx.locale,
  });
  if (!result.ok) return refused(ctx, result.error);
  return ticketOpened(ctx, result.value);
}

/** A ticket just opened (command, form or panel): the staff post, the thread, the member's answer. */
export function ticketOpened(
  ctx: InteractionContext<MaxisEnv>,
  ticket: TicketWithDescription,
): APIInteractionResponse {
  announceNewTicket(notifierFor(ctx), ticket);
  openTicketThread(notifierFor(ctx), ticket);
  return ephemeral(
    ctx.t("ticket.created", { number: ticket.number, subject: `**${safeText(ticket.subject, 200)}**` }),
  );
}
