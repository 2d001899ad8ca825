import type { TicketCategory as ServerCategory } from "../../../shared/contracts/settings";
import { isDefaultCategory } from "../../../shared/contracts/tickets";
import { type Locale, type Translator, translatorFor } from "../../../shared/i18n";
import { isUnicodeEmoji } from "../../servers/category-emoji";
import { categoryLabel } from "../../servers/settings";
import type { TicketPriority, TicketStatus } from "../rpc";

/** A server's categories as naming them needs: the key, both labels and the emoji. */
export type CategoryLabels = readonly Pick<ServerCategory, "key" | "labelEn" | "labelFr" | "emoji">[];

/**
 * How one reader names a ticket's category. Raw text (a server's labels are its admins' words): each
 * renderer escapes it for its medium, as it does member text.
 */
export type CategoryName = (key: string) => string;

/**
 * A category as plain text: its Unicode emoji and its label in `locale`. A custom Discord emoji
 * (`<:name:id>`) is left out: outside a button it would read as its markup; so is text that is no emoji.
 */
export const categoryText = (category: CategoryLabels[number], locale: Locale) =>
  category.emoji && isUnicodeEmoji(category.emoji)
    ? `${category.emoji} ${categoryLabel(category, locale)}`
    : categoryLabel(category, locale);

/**
 * Names categories in `locale` from the server's own (`categories`, its settings): the six as the
 * server labels them (translated, or renamed by its admins), the ones it added by their labels. A key
 * the server does not have (no settings yet) is one of the six by the catalogue, or else its key.
 */
export function categoryNamer(locale: Locale, categories: CategoryLabels): CategoryName {
  const byKey = new Map(categories.map((category) => [category.key, category]));
  const t = translatorFor(locale);
  return (key) => {
    const category = byKey.get(key);
    if (category) return categoryText(category, locale);
    return isDefaultCategory(key) ? t(`ticket.category.${key}`) : key;
  };
}

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
