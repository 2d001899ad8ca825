import type { MessageData } from "../../../shared/discord/responses";
import type { Translator } from "../../../shared/i18n";
import type { TicketMessage, TicketSummary } from "../rpc";
import { safeText } from "./escape";
import { STATUS_COLOUR } from "./labels";

/** The DM a member gets when staff answers: the reply itself, escaped, never an internal note. */
export function staffReplyDm(t: Translator, ticket: TicketSummary, message: TicketMessage): MessageData {
  return {
    content: t("ticket.dm.reply", { number: ticket.number, subject: safeText(ticket.subject, 200) }),
    embeds: [
      {
        description: safeText(message.body, 4000),
        color: STATUS_COLOUR[ticket.status],
        footer: { text: t("ticket.dm.footer", { number: ticket.number }) },
        timestamp: message.createdAt,
      },
    ],
  };
}

/** The DM a member gets when staff closes their ticket, with the reason if one was given. */
export function ticketClosedDm(t: Translator, ticket: TicketSummary): MessageData {
  return {
    content: t("ticket.dm.closed", { number: ticket.number, subject: safeText(ticket.subject, 200) }),
    embeds: [
      {
        ...(ticket.closeReason
          ? { description: t("ticket.dm.reason", { reason: safeText(ticket.closeReason, 1500) }) }
          : {}),
        color: STATUS_COLOUR.closed,
        footer: { text: t("ticket.dm.reopen_footer", { number: ticket.number }) },
        ...(ticket.closedAt ? { timestamp: ticket.closedAt } : {}),
      },
    ],
  };
}
