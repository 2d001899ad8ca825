/**
 * A ticket's transcript as one self-contained HTML page: the ticket, then each message with its
 * author's name and avatar, its time, its text (Discord Markdown rendered safely, markdown.ts), its
 * attachments as links, and whether it was edited or deleted in Discord. Internal notes appear only
 * when the database returned them (staff). Pure: the route (routes.ts) reads and answers.
 *
 * The page runs no script. Its Content-Security-Policy (`transcriptCsp`) is sent as a header and
 * repeated in a <meta> tag, so a downloaded copy opened from disk is held to it as well.
 */
import type { Locale, Translator } from "../../shared/i18n";
import { formatDateTime } from "../../shared/i18n/dates";
import { type CategoryName, priorityLabel, statusLabel } from "../tickets/render/labels";
import type { TicketMessage, TicketTranscript } from "../tickets/rpc";
import { discordMarkdownToHtml, escapeHtml } from "./markdown";

export interface TranscriptPerson {
  name: string | null;
  avatarUrl: string | null;
}

export interface TranscriptPageInput {
  t: Translator;
  locale: Locale;
  transcript: TicketTranscript;
  /** How the reader's server names the ticket's category (its settings). */
  categoryName: CategoryName;
  people: ReadonlyMap<string, TranscriptPerson>;
  generatedAt: string;
  /** Per response: the one <style> element carries it, and the policy allows only it. */
  nonce: string;
  /**
   * Staff see what a member deleted in Discord (it stays in the record); the member sees that a
   * message was deleted, not its text.
   */
  reader: "member" | "staff";
  /** Where the same page is offered as a file; null in the file itself. */
  downloadHref: string | null;
}

/** Avatars come from Discord's CDN only; nothing else is loaded, and nothing runs. */
export const transcriptCsp = (nonce: string) =>
  [
    "default-src 'none'",
    `style-src 'nonce-${nonce}'`,
    "img-src https://cdn.discordapp.com",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join("; ");

const STYLE = `
body{font:15px/1.5 system-ui,sans-serif;margin:0 auto;max-width:820px;padding:24px;color:#1f2328;background:#fff}
h1{font-size:22px;margin:0 0 12px}dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 16px;margin:0 0 16px}
dt{color:#59636e}dd{margin:0}.notice{background:#fff8c5;border:1px solid #d4a72c;padding:8px 12px;border-radius:6px}
.message{display:grid;grid-template-columns:40px 1fr;gap:4px 12px;padding:12px 0;border-top:1px solid #d1d9e0}
.avatar{width:40px;height:40px;border-radius:50%;background:#d1d9e0}.meta{color:#59636e;font-size:13px}
.author{font-weight:600;color:#1f2328}.badge{font-size:12px;border:1px solid #d1d9e0;border-radius:10px;padding:0 6px;margin-left:6px}
.note{background:#fff8c5}.deleted .body{opacity:.6;text-decoration:line-through}.body p{margin:0 0 4px}
blockquote{margin:4px 0;padding-left:10px;border-left:4px solid #d1d9e0}pre{background:#f6f8fa;padding:8px;overflow:auto;border-radius:6px}
code{background:#f6f8fa;padding:0 3px;border-radius:4px}.spoiler{background:#1f2328;color:#1f2328}.spoiler:hover{color:#fff}
.mention{background:#ddf4ff;border-radius:4px;padding:0 2px}.subtext{font-size:12px;color:#59636e}
.attachments{margin:4px 0 0;padding-left:18px}footer{color:#59636e;font-size:13px;margin-top:24px}
`;

function personName(t: Translator, people: TranscriptPageInput["people"], id: string): string {
  return people.get(id)?.name ?? t("ticket.transcript.unknown_person", { id });
}

function messageHtml(input: TranscriptPageInput, message: TicketMessage): string {
  const { t, locale, people } = input;
  const name = personName(t, people, message.authorId);
  const avatar = people.get(message.authorId)?.avatarUrl;
  const avatarHtml = avatar?.startsWith("https://cdn.discordapp.com/")
    ? `<img class="avatar" src="${escapeHtml(avatar)}" alt="${escapeHtml(t("transcript.page.avatar", { name }))}" width="40" height="40">`
    : '<span class="avatar"></span>';
  const badges = [
    message.fromStaff ? t("ticket.thread.staff") : null,
    message.isInternal ? t("ticket.thread.note") : null,
    message.editedAt ? t("transcript.page.edited") : null,
    message.deletedAt ? t("transcript.page.deleted") : null,
  ]
    .filter((b): b is string => b !== null)
    .map((b) => `<span class="badge">${escapeHtml(b)}</span>`)
    .join("");
  const hidden = Boolean(message.deletedAt) && input.reader === "member";
  const body = hidden
    ? ""
    : discordMarkdownToHtml(message.body, {
        userName: (id) => people.get(id)?.name ?? null,
        time: (seconds) => formatDateTime(locale, seconds * 1000),
      });
  const attachments = hidden ? [] : (message.attachments ?? []).filter((a) => /^https:\/\//.test(a.url));
  const attachmentsHtml = attachments.length
    ? `<ul class="attachments" aria-label="${escapeHtml(t("transcript.page.attachments"))}">${attachments
        .map(
          (a) =>
            `<li><a href="${escapeHtml(a.url)}" rel="noopener noreferrer nofollow" target="_blank">${escapeHtml(a.name)}</a></li>`,
        )
        .join("")}</ul>`
    : "";
  const classes = ["message", message.isInternal ? "note" : "", message.deletedAt ? "deleted" : ""]
    .filter(Boolean)
    .join(" ");
  return `<article class="${classes}" id="m${message.id}">${avatarHtml}<div><div class="meta"><span class="author">${escapeHtml(name)}</span>${badges} · <time datetime="${escapeHtml(message.createdAt)}">${escapeHtml(formatDateTime(locale, message.createdAt))}</time></div><div class="body">${body}</div>${attachmentsHtml}</div></article>`;
}

export function transcriptPage(input: TranscriptPageInput): string {
  const { t, locale, transcript, people, nonce } = input;
  const { ticket, messages } = transcript;
  const title = t("ticket.transcript.heading", { number: ticket.number, subject: ticket.subject });
  const field = (label: string, value: string) =>
    `<dt>${escapeHtml(label)}</dt><dd>${escapeHtml(value)}</dd>`;
  const fields = [
    field(t("ticket.field.status"), statusLabel(t, ticket.status)),
    field(t("ticket.field.priority"), priorityLabel(t, ticket.priority)),
    field(t("ticket.field.category"), input.categoryName(ticket.category)),
    field(t("ticket.field.owner"), personName(t, people, ticket.ownerId)),
    field(
      t("ticket.field.assignee"),
      ticket.assigneeId ? personName(t, people, ticket.assigneeId) : t("ticket.assignee.none"),
    ),
    field(t("ticket.field.created"), formatDateTime(locale, ticket.createdAt)),
    ...(ticket.closedAt ? [field(t("ticket.field.closed"), formatDateTime(locale, ticket.closedAt))] : []),
    ...(ticket.closeReason ? [field(t("ticket.field.reason"), ticket.closeReason)] : []),
  ].join("");
  const markdown = {
    userName: (id: string) => people.get(id)?.name ?? null,
    time: (s: number) => formatDateTime(locale, s * 1000),
  };
  const csp = transcriptCsp(nonce);
  return [
    "<!doctype html>",
    `<html lang="${locale}"><head><meta charset="utf-8">`,
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">`,
    '<meta name="referrer" content="no-referrer"><meta name="robots" content="noindex">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title><style nonce="${nonce}">${STYLE}</style></head><body>`,
    `<header><h1>${escapeHtml(title)}</h1><dl>${fields}</dl>`,
    transcript.includesInternal ? `<p class="notice">${escapeHtml(t("transcript.page.with_notes"))}</p>` : "",
    input.downloadHref
      ? `<p><a href="${escapeHtml(input.downloadHref)}" download>${escapeHtml(t("transcript.page.download"))}</a></p>`
      : "",
    "</header><main>",
    `<h2>${escapeHtml(t("transcript.page.description"))}</h2>`,
    `<div class="body">${discordMarkdownToHtml(ticket.description, markdown)}</div>`,
    `<h2>${escapeHtml(t("transcript.page.messages"))}</h2>`,
    messages.length
      ? messages.map((m) => messageHtml(input, m)).join("")
      : `<p>${escapeHtml(t("transcript.page.no_messages"))}</p>`,
    `</main><footer>${escapeHtml(t("transcript.page.generated", { at: formatDateTime(locale, input.generatedAt) }))}</footer>`,
    "</body></html>",
  ].join("\n");
}

/** A short page saying why a transcript cannot be shown, under the same policy. */
export function transcriptErrorPage(t: Translator, locale: Locale, text: string, nonce: string): string {
  const title = t("transcript.error.title");
  return [
    "<!doctype html>",
    `<html lang="${locale}"><head><meta charset="utf-8">`,
    '<meta name="referrer" content="no-referrer"><meta name="robots" content="noindex">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title><style nonce="${nonce}">${STYLE}</style></head>`,
    `<body><h1>${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p></body></html>`,
  ].join("\n");
}
