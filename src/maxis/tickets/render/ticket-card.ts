import type { APIEmbed, APIEmbedField } from "discord-api-types/v10";
import type { Translator } from "../../../shared/i18n";
import type { TicketMessage, TicketSummary, TicketView } from "../rpc";
import { clip, safeText } from "./escape";
import { type CategoryName, discordTime, priorityBadge, STATUS_COLOUR, statusBadge } from "./labels";

/**
 * Discord's embed limits: 256 (title), 4096 (description), 1024 (field value), 6000 for all embeds of
 * one message together. The budgets below keep a card and its thread under 6000 in the worst case.
 */
const DESCRIPTION_BUDGET = 1200;
const THREAD_BUDGET = 3000;
const MESSAGE_BUDGET = 700;

/** `#42 · Broken login`, the subject escaped. */
export const ticketTitle = (ticket: Pick<TicketSummary, "number" | "subject">) =>
  clip(`#${ticket.number} · ${safeText(ticket.subject, 240)}`, 256);

function cardFields(t: Translator, ticket: TicketSummary, categoryName: CategoryName): APIEmbedField[] {
  const fields: APIEmbedField[] = [
    { name: t("ticket.field.status"), value: statusBadge(t, ticket.status), inline: true },
    { name: t("ticket.field.priority"), value: priorityBadge(t, ticket.priority), inline: true },
    {
      name: t("ticket.field.category"),
      value: safeText(categoryName(ticket.category), 1024),
      inline: true,
    },
    { name: t("ticket.field.owner"), value: `<@${ticket.ownerId}>`, inline: true },
    {
      name: t("ticket.field.assignee"),
      value: ticket.assigneeId ? `<@${ticket.assigneeId}>` : t("ticket.assignee.none"),
      inline: true,
    },
    { name: t("ticket.field.created"), value: discordTime(ticket.createdAt), inline: true },
  ];
  if (ticket.closedAt) {
    fields.push({ name: t("ticket.field.closed"), value: discordTime(ticket.closedAt), inline: true });
  }
  if (ticket.closeReason) {
    fields.push({ name: t("ticket.field.reason"), value: safeText(ticket.closeReason, 1024) });
  }
  return fields;
}

/**
 * The ticket itself: title, description, state. Mentions in embeds never ping. The category is named
 * as the reader's server names it (`categoryName`, from its settings).
 */
export function ticketCard(
  t: Translator,
  ticket: TicketSummary & { description?: string },
  categoryName: CategoryName,
): APIEmbed {
  return {
    title: ticketTitle(ticket),
    ...(ticket.description ? { description: safeText(ticket.description, DESCRIPTION_BUDGET) } : {}),
    color: STATUS_COLOUR[ticket.status],
    fields: cardFields(t, ticket, categoryName),
    timestamp: ticket.lastActivityAt,
  };
}

function messageEntry(t: Translator, message: TicketMessage): string {
  const who = message.fromStaff
    ? `<@${message.authorId}> (${t("ticket.thread.staff")})`
    : `<@${message.authorId}>`;
  const head = message.isInternal ? `🔒 **${t("ticket.thread.note")}** · ${who}` : `**${who}**`;
  return `${head} · ${discordTime(message.createdAt, "R")}\n${safeText(message.body, MESSAGE_BUDGET)}`;
}

/** The most recent messages that fit, oldest first; older ones are left to the transcript. */
export function threadEmbed(t: Translator, messages: readonly TicketMessage[]): APIEmbed {
  if (messages.length === 0)
    return { title: t("ticket.thread.title"), description: t("ticket.thread.empty") };
  const entries: string[] = [];
  let used = 0;
  for (let i = messages.length - 1; i >= 0; i--) {
    const entry = messageEntry(t, messages[i] as TicketMessage);
    if (used + entry.length + 2 > THREAD_BUDGET - 100) break;
    entries.unshift(entry);
    used += entry.length + 2;
  }
  const earlier = messages.length - entries.length;
  const description = [
    ...(earlier > 0 ? [`*${t("ticket.thread.earlier", { count: earlier })}*`] : []),
    ...entries,
  ].join("\n\n");
  return { title: t("ticket.thread.title"), description };
}

/** `/ticket view`: the card and the conversation (internal notes only ever reach staff's view). */
export function ticketViewEmbeds(t: Translator, view: TicketView, categoryName: CategoryName): APIEmbed[] {
  return [ticketCard(t, view.ticket, categoryName), threadEmbed(t, view.messages)];
}
