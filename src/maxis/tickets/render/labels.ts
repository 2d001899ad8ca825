import { isDefaultCategory } from "../../../shared/contracts/tickets";
import type { Translator } from "../../../shared/i18n";
import type { TicketCategory, TicketPriority, TicketStatus } from "../rpc";

/**
 * Localized names of the closed sets, for choices and for every rendering. A category a server added
 * itself has its labels in the server's settings, not in the catalogue: without them, its key (a
 * readable slug) names it.
 */
export const categoryLabel = (t: Translator, category: TicketCategory) =>
  isDefaultCategory(category) ? t(`ticket.category.${category}`) : category;
export const priorityLabel = (t: Translator, priority: TicketPriority) => t(`ticket.priority.${priority}`);
export const statusLabel = (t: Translator, status: TicketStatus) => t(`ticket.status.${status}`);

const STATUS_EMOJI: Record<TicketStatus, string> = {
  open: "🟢",
  in_progress: "🔵",
  waiting_for_member: "🟡",
  closed: "⚫",
};
const PRIORITY_EMOJI: Record<TicketPriority, string> = {
  critical: "🔴",
  high: "🟠",
  medium: "🟡",
  low: "⚪",
};

export const statusBadge = (t: Translator, status: TicketStatus) =>
  `${STATUS_EMOJI[status]} ${statusLabel(t, status)}`;
export const priorityBadge = (t: Translator, priority: TicketPriority) =>
  `${PRIORITY_EMOJI[priority]} ${priorityLabel(t, priority)}`;

/** Embed colours: the ticket's state at a glance. */
export const STATUS_COLOUR: Record<TicketStatus, number> = {
  open: 0x57f287,
  in_progress: 0x5865f2,
  waiting_for_member: 0xfee75c,
  closed: 0x4f545c,
};

/** Discord's timestamp markup: shown in each reader's own time zone and language. */
export const discordTime = (iso: string, style: "f" | "R" = "f") =>
  `<t:${Math.floor(Date.parse(iso) / 1000)}:${style}>`;
