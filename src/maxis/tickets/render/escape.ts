/**
 * Member text shown by Maxis must read exactly as typed and do nothing else: the one escape
 * (src/shared/markdown.ts) serves the embeds and the Markdown transcript, and allowed_mentions
 * `{ parse: [] }` stays on every message as the second lock. Here: fitting it to Discord's limits.
 */
import { clip, escapeMarkdown } from "../../../shared/markdown";

export { clip, escapeMarkdown };

/** Escaped, then clipped to Discord's limit for where it goes. */
export function safeText(text: string, max: number): string {
  return clip(escapeMarkdown(text), max);
}
