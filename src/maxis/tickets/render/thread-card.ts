import { customId } from "../../../shared/discord/handlers";
import type { MessageData } from "../../../shared/discord/responses";
import type { Translator } from "../../../shared/i18n";
import type { TicketSummary } from "../rpc";
import type { CategoryName } from "./labels";
import { assignAndCloseRow } from "./staff-post";
import { ticketCard } from "./ticket-card";

/**
 * The thread's close button: `ticket-thread:close:<server id>:<number>`, for the member (their own
 * ticket) and staff alike; the database decides who may close.
 */
export const THREAD_ACTION_PREFIX = "ticket-thread";
export const threadCloseId = (ticket: Pick<TicketSummary, "guildId" | "number">) =>
  customId(THREAD_ACTION_PREFIX, "close", ticket.guildId, ticket.number);

/**
 * The first message of a ticket's thread: a line for the member, the ticket card (status, priority,
 * category, assignee, the description escaped) and the buttons: Assign to me (staff only, the staff
 * channel's button) and Close (the member or staff). It pings no one (allowed_mentions empty).
 */
export function threadCard(
  t: Translator,
  ticket: TicketSummary & { description?: string },
  categoryName: CategoryName,
): MessageData {
  return {
    content: t("ticket.discord_thread.welcome", { number: ticket.number }),
    embeds: [ticketCard(t, ticket, categoryName)],
    components: [
      assignAndCloseRow(t, ticket, {
        label: t("ticket.discord_thread.close"),
        customId: threadCloseId(ticket),
      }),
    ],
  };
}
