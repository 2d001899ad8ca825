import type { Translator } from "../../../shared/i18n";
import type { TicketTranscript } from "../rpc";
import { escapeMarkdown } from "./escape";
import { categoryLabel, priorityLabel, statusLabel } from "./labels";

export const transcriptFileName = (number: number) => `ticket-${number}-transcript.md`;

/** 2026-11-24 19:05 (UTC): a file outlives Discord's timestamp markup, so it spells times out. */
const utc = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;

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

/**
 * The conversation as a Markdown document: the ticket, then every message oldest first. Internal notes
 * appear only when the database returned them (staff who asked for them), marked as such.
 */
export function transcriptMarkdown(t: Translator, transcript: TicketTranscript, generatedAt: string): string {
  const { ticket, messages } = transcript;
  const lines = [
    `# ${t("ticket.transcript.heading", { number: ticket.number, subject: oneLine(ticket.subject) })}`,
    "",
    `- ${t("ticket.field.status")}: ${statusLabel(t, ticket.status)}`,
    `- ${t("ticket.field.priority")}: ${priorityLabel(t, ticket.priority)}`,
    `- ${t("ticket.field.category")}: ${categoryLabel(t, ticket.category)}`,
    `- ${t("ticket.field.owner")}: ${ticket.ownerId}`,
    `- ${t("ticket.field.assignee")}: ${ticket.assigneeId ?? t("ticket.assignee.none")}`,
    `- ${t("ticket.field.created")}: ${utc(ticket.createdAt)}`,
    ...(ticket.closedAt ? [`- ${t("ticket.field.closed")}: ${utc(ticket.closedAt)}`] : []),
    ...(ticket.closeReason ? [`- ${t("ticket.field.reason")}: ${oneLine(ticket.closeReason)}`] : []),
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
    lines.push(
      `### ${utc(message.createdAt)} · ${message.authorId}${role}${note}`,
      "",
      quote(message.body),
      "",
    );
  }
  lines.push("---", t("ticket.transcript.generated", { at: utc(generatedAt) }), "");
  return lines.join("\n");
}
