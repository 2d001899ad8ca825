/**
 * Whether a category's emoji (its admins' words, from `/setup` or the dashboard) can go on a button or
 * a select option: Discord refuses the whole panel for one emoji that is neither a Unicode emoji nor a
 * server emoji written `<:name:id>` (`<a:name:id>` when animated). Anything else is left off. Pure.
 */
import type { APIMessageComponentEmoji } from "discord-api-types/v10";

/** A server emoji as Discord's markup writes it: 2–32 word characters and a snowflake. */
const CUSTOM = /^<(a?):([A-Za-z0-9_]{2,32}):([0-9]{17,20})>$/;

/**
 * One Unicode emoji: a pair of regional indicators (a flag), a keycap (`1️⃣`), or a pictograph with its
 * variation selector, skin tone and tag sequence (`🏴󠁧󠁢󠁥󠁮󠁧󠁿`), joined to others by ZWJ (`👩‍💻`). Digits and
 * letters alone are not emoji here, though Unicode lists some of them as such.
 */
const PICTOGRAPH =
  "\\p{Extended_Pictographic}\\uFE0F?\\p{Emoji_Modifier}?(?:[\\u{E0020}-\\u{E007E}]+\\u{E007F})?";
const UNICODE = new RegExp(
  `^(?:\\p{Regional_Indicator}{2}|[#*0-9]\\uFE0F?\\u20E3|${PICTOGRAPH}(?:\\u200D${PICTOGRAPH})*)$`,
  "u",
);

export const isUnicodeEmoji = (text: string): boolean => UNICODE.test(text);

/** The emoji as a component carries it, or undefined when Discord would refuse it. */
export function categoryEmoji(text: string | null): APIMessageComponentEmoji | undefined {
  if (!text) return undefined;
  const custom = CUSTOM.exec(text);
  if (custom) return { name: custom[2] ?? "", id: custom[3] ?? "", animated: custom[1] === "a" };
  return isUnicodeEmoji(text) ? { name: text } : undefined;
}
