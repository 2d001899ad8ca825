import type { MessageParams, Translator } from "../../shared/i18n";
import { priorityLabel, statusLabel } from "./render/labels";
import { TICKET_LIMITS, TICKET_PRIORITIES, TICKET_STATUSES, type TicketErrorCode } from "./rpc";

/**
 * The member-facing text of a refused ticket action, in their language. Every code reads its limit
 * from TICKET_LIMITS, so the text always matches what the database enforces, and lists the choices by
 * the names members see in their language (the labels of the command's choices), not the stored values.
 */
export function ticketErrorMessage(
  t: Translator,
  code: TicketErrorCode,
  ticket?: number | string,
  /** The server's own open-ticket limit (its settings), when known. */
  openMax: number = TICKET_LIMITS.openTicketsPerMember,
): string {
  const params: MessageParams = {
    ticket: ticket === undefined ? "" : typeof ticket === "number" ? `#${ticket}` : ticket,
    subjectMax: TICKET_LIMITS.subject,
    descriptionMax: TICKET_LIMITS.description,
    messageMax: TICKET_LIMITS.message,
    reasonMax: TICKET_LIMITS.reason,
    searchMax: TICKET_LIMITS.search,
    openMax,
    priorities: TICKET_PRIORITIES.map((priority) => priorityLabel(t, priority)).join(", "),
    statuses: TICKET_STATUSES.map((status) => statusLabel(t, status)).join(", "),
  };
  return t(`ticket.error.${code}`, params);
}
