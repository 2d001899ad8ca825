/**
 * Text that came from a request, shown in Discord (embeds, messages) or in a Markdown file: it must
 * read as typed and do nothing else. Discord and CommonMark both honour a backslash before ASCII
 * punctuation, so one escape serves both. allowed_mentions `{ parse: [] }` stays the second lock.
 * Maxis's tickets and giveaways use this escape too (src/maxis/tickets/render/escape.ts adds `safeText`).
 */

/** No formatting, masked links, mentions (`@everyone`, `<@id>`), headings, quotes or list markers. */
export function escapeMarkdown(text: string): string {
  return (
    text
      .replace(/[\\*_~`|>#<@[\]]/g, "\\$&")
      // List markers and numbered lists only mean something at the start of a line.
      .replace(/^(\s*)([-+])(?=\s|$)/gm, "$1\\$2")
      .replace(/^(\s*\d+)\.(?=\s|$)/gm, "$1\\.")
  );
}

/** Cuts text to at most `max` characters, ending with "…", without leaving half an escape or emoji. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, Math.max(0, max - 1));
  const last = cut.charCodeAt(cut.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut = cut.slice(0, -1);
  const trailingBackslashes = /\\*$/.exec(cut)?.[0].length ?? 0;
  if (trailingBackslashes % 2 === 1) cut = cut.slice(0, -1);
  return `${cut}…`;
}

/**
 * At most `max` UTF-16 units of `text` (the stricter way to read a Discord length), never ending on
 * half an emoji: Discord refuses a whole message or form holding a lone surrogate.
 */
export function cutAt(text: string, max: number): string {
  const cut = text.slice(0, max);
  return /[\ud800-\udbff]$/.test(cut) ? cut.slice(0, -1) : cut;
}

/**
 * Bare URLs are links in Discord and in GitHub-flavoured Markdown even without brackets; an escaped
 * `:` in `scheme://`, `.` after `www` and in Discord's invite hosts keeps them text while they still
 * read the same.
 */
export function neutraliseLinks(text: string): string {
  return (
    text
      .replace(/:(?=\/\/)/g, "\\:")
      .replace(/\bwww\./gi, (match) => `${match.slice(0, 3)}\\.`)
      // Discord shows an invite card for `discord.gg/…` even without a scheme.
      .replace(/\b(discord(?:app)?)\.(?=(?:gg|com\/invite)\/)/gi, "$1\\.")
  );
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
