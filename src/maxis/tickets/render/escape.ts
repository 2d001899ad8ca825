/**
 * Member text shown by Maxis must read exactly as typed and do nothing else: no formatting, no
 * masked links, no mentions (`@everyone`, `<@id>`, `<@&role>`), no headings or quotes. Discord and
 * CommonMark both honour a backslash before ASCII punctuation, so one escape serves the embeds and the
 * Markdown transcript. allowed_mentions `{ parse: [] }` stays on every message as the second lock.
 */
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

/** Escaped, then clipped to Discord's limit for where it goes. */
export function safeText(text: string, max: number): string {
  return clip(escapeMarkdown(text), max);
}
