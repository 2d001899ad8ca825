/**
 * Text that came from a request, shown in Discord (embeds, messages) or in a Markdown file: it must
 * read as typed and do nothing else. Discord and CommonMark both honour a backslash before ASCII
 * punctuation, so one escape serves both. allowed_mentions `{ parse: [] }` stays the second lock.
 * (Maxis's tickets have the same escape in src/maxis/tickets/render/escape.ts, which predates this.)
 */

/** No formatting, masked links, mentions (`@everyone`, `<@id>`), headings, quotes or list markers. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\*_~`|>#<@[\]]/g, "\\$&")
    .replace(/^(\s*)([-+])(?=\s|$)/gm, "$1\\$2")
    .replace(/^(\s*\d+)\.(?=\s|$)/gm, "$1\\.");
}

/**
 * Bare URLs are links in Discord and in GitHub-flavoured Markdown even without brackets; an escaped
 * `:` in `scheme://` and `.` after `www` keeps them text while they still read the same.
 */
export function neutraliseLinks(text: string): string {
  return text.replace(/:(?=\/\/)/g, "\\:").replace(/\bwww\./gi, (match) => `${match.slice(0, 3)}\\.`);
}

/** Line breaks would let text start its own Markdown block (a heading, a list); they read as spaces. */
const oneLine = (text: string) => text.replace(/[\r\n\u2028\u2029]+/g, " ");

/**
 * Request text made inert for one line of a report: escaped, links neutralised, on one line, and at
 * most `max` characters of the original (with "…").
 */
export function inertText(text: string, max = 100): string {
  const clipped = text.length > max ? `${text.slice(0, max - 1).replace(/[\ud800-\udbff]$/, "")}…` : text;
  return neutraliseLinks(escapeMarkdown(oneLine(clipped)));
}
