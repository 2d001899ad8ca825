import type { MessageParams, Translator } from "../../shared/i18n";
import { TICKET_LIMITS, type TicketErrorCode } from "./rpc";

/**
 * The member-facing text of a refused ticket action, in their language. Every code reads its limit
 * from TICKET_LIMITS, so the text always matches what the database enforces.
 */
export function ticketErrorMessage(t: Translator, code: TicketErrorCode, ticket?: number | string): string {
  const params: MessageParams = {
    ticket: ticket === undefined ? "" : typeof ticket === "number" ? `#${ticket}` : ticket,
    subjectMax: TICKET_LIMITS.subject,
    descriptionMax: TICKET_LIMITS.description,
    messageMax: TICKET_LIMITS.message,
    reasonMax: TICKET_LIMITS.reason,
    searchMax: TICKET_LIMITS.search,
    openMax: TICKET_LIMITS.openTicketsPerMember,
  };
  return t(`ticket.error.${code}`, params);
}
