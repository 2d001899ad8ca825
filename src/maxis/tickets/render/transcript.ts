import type { Locale, Translator } from "../../../shared/i18n";
import { formatDateTime } from "../../../shared/i18n/dates";
import type { TicketTranscript } from "../rpc";
import { escapeMarkdown } from "./escape";
import { type CategoryName, priorityLabel, statusLabel } from "./labels";

export const transcriptFileName = (number: number) => `ticket-${number}-transcript.md`;

/** Everyone a transcript names: its owner, assignee and every message's author. */
export function transcriptPeople({ ticket, messages }: TicketTranscript): string[] {
  const ids = [ticket.ownerId, ticket.assigneeId, ...messages.map((m) => m.authorId)];
  return [...new Set(ids.filter((id): id is string => id !== null))];
}

/** Every line ending Markdown knows: `\n`, `\r\n`, and a lone `\r`. */
const LINE_ENDING = /\r\n|\r|\n/;

/** Member text for one line (subject, reason): a line ending there would start a line of its own. */
const oneLine = (text: string) => escapeMarkdown(text.replace(/[\r\n]+/g, " "));

/**
 * Member text as a Markdown block quote: escaped, so it cannot add headings, links or HTML. Every
 * line ending Markdown knows (`\n`, `\r\n` and a lone `\r`) starts a quoted line, so no line of
 * member text can end the quote and pass for a line of the transcript itself.
 */
const quote = (text: string) =>
  escapeMarkdown(text)
    .split(LINE_ENDING)
    .map((line) => (line ? `> ${line}` : ">"))
    .join("\n");

export interface TranscriptReader {
  t: Translator;
  locale: Locale;
  /** Display names by Discord id (from the interaction and the server); anyone missing shows as an id. */
  names: ReadonlyMap<string, string>;
  /** Staff see the text of a message deleted in Discord (the record keeps it); members see that it was. */
  staff?: boolean;
  /** How the reader's server names the ticket's category (its settings). */
  categoryName: CategoryName;
}

/** A file's name as inert text, linked only when its address is https (Discord's CDN). */
const attachmentLine = (a: { name: string; url: string }) =>
  /^https:\/\/[^\s<>]+$/.test(a.url) ? `- 📎 [${oneLine(a.name)}](<${a.url}>)` : `- 📎 ${oneLine(a.name)}`;

/**
 * The conversation as a Markdown document: the ticket, then every message oldest first. Internal notes
 * appear only when the database returned them (staff who asked for them), marked as such. People appear
 * by name and times in the reader's language: a file outlives Discord's mention and timestamp markup.
 */
export function transcriptMarkdown(
  { t, locale, names, staff = false, categoryName }: TranscriptReader,
  transcript: TicketTranscript,
  generatedAt: string,
): string {
  const { ticket, messages } = transcript;
  const when = (iso: string) => formatDateTime(locale, iso);
  const person = (id: string) => {
    const name = names.get(id);
    return name ? oneLine(name) : t("ticket.transcript.unknown_person", { id });
  };
  const field = (label: string, value: string) => `- ${t("ticket.transcript.field", { label, value })}`;
  const lines = [
    `# ${t("ticket.transcript.heading", { number: ticket.number, subject: oneLine(ticket.subject) })}`,
    "",
    field(t("ticket.field.status"), statusLabel(t, ticket.status)),
    field(t("ticket.field.priority"), priorityLabel(t, ticket.priority)),
    field(t("ticket.field.category"), oneLine(categoryName(ticket.category))),
    field(t("ticket.field.owner"), person(ticket.ownerId)),
    field(
      t("ticket.field.assignee"),
      ticket.assigneeId ? person(ticket.assigneeId) : t("ticket.assignee.none"),
    ),
    field(t("ticket.field.created"), when(ticket.createdAt)),
    ...(ticket.closedAt ? [field(t("ticket.field.closed"), when(ticket.closedAt))] : []),
    ...(ticket.closeReason ? [field(t("ticket.field.reason"), oneLine(ticket.closeReason))] : []),
    "",
    `## ${t("ticket.transcript.description")}`,
    "",
    quote(ticket.description),
    "",
    `## ${t("ticket.transcript.messages")}`,
    "",
  ];
  if (messages.length === 0) lines.push(t("ticket.transcript.no_messages"), "");
  for (const message of messages) {
    const role = message.fromStaff ? ` (${t("ticket.thread.staff")})` : "";
    const note = message.isInternal ? ` · **${t("ticket.thread.note")}**` : "";
    const edited = message.editedAt ? ` · ${t("transcript.page.edited")}` : "";
    const deleted = message.deletedAt ? ` · ${t("transcript.page.deleted")}` : "";
    const hidden = Boolean(message.deletedAt) && !staff;
    lines.push(
      `### ${when(message.createdAt)} · ${person(message.authorId)}${role}${note}${edited}${deleted}`,
      "",
    );
    if (!hidden) {
      lines.push(quote(message.body), "");
      const files = message.attachments ?? [];
      if (files.length) lines.push(...files.map(attachmentLine), "");
    }
  }
  lines.push("---", t("ticket.transcript.generated", { at: when(generatedAt) }), "");
  return lines.join("\n");
}
