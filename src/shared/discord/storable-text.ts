/**
 * Text that Postgres cannot store: U+0000 (text and jsonb refuse it) and UTF-16 surrogates that do
 * not pair (json refuses the escape, 22P02). Discord never sends either; a forged interaction that
 * does is answered before any handler runs, rather than failing half-way in the database.
 */

const hex = (codeUnit: number) => `U+${codeUnit.toString(16).toUpperCase().padStart(4, "0")}`;

/** The first character of `text` that cannot be stored, as "U+XXXX", or null. */
export function unstorableCharacterIn(text: string): string | null {
  if (text.includes("\u0000")) return "U+0000";
  if (text.isWellFormed()) return null;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      return hex(unit);
    }
    if (unit >= 0xdc00 && unit <= 0xdfff) return hex(unit);
  }
  return null;
}

/**
 * Whether the JSON text `json` may hold an unstorable character once parsed. JSON writes U+0000 and
 * a surrogate only as the escapes `\u0000` and `\uD800`–`\uDFFF` (a raw U+0000 is not JSON, and a
 * body decoded from UTF-8 holds no lone surrogate), so text without them cannot; one native scan of
 * the body instead of a walk of the parsed value on every interaction. Never false when
 * `firstUnstorableCharacter` of the parsed value would find one (an escaped backslash followed by
 * "u0000" only costs the walk).
 */
export function mayHoldUnstorable(json: string): boolean {
  return /\\u(?:0000|d[89a-f])/i.test(json) || json.includes("\u0000") || !json.isWellFormed();
}

/**
 * The first unstorable character in any string or key of a parsed JSON value. Iterative, because a
 * signed body may nest arrays thousands deep in fields nobody reads.
 */
export function firstUnstorableCharacter(value: unknown): string | null {
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const next = pending.pop();
    if (typeof next === "string") {
      const found = unstorableCharacterIn(next);
      if (found) return found;
    } else if (Array.isArray(next)) {
      pending.push(...next);
    } else if (next !== null && typeof next === "object") {
      for (const [key, item] of Object.entries(next)) {
        const found = unstorableCharacterIn(key);
        if (found) return found;
        pending.push(item);
      }
    }
  }
  return null;
}
