/**
 * Text a control request may carry. Postgres cannot store U+0000 (a NUL made the audit insert fail
 * while the action still ran), lone surrogates are not text at all, and other control characters have
 * no business in an operator's arguments. Tab, line feed and carriage return stay allowed.
 */
const TAB = 0x09;
const LINE_FEED = 0x0a;
const CARRIAGE_RETURN = 0x0d;

export function isSafeText(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 && code !== TAB && code !== LINE_FEED && code !== CARRIAGE_RETURN) return false;
    if (code === 0x7f) return false;
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return false;
      i++;
    } else if (code >= 0xdc00 && code <= 0xdfff) {
      return false;
    }
  }
  return true;
}

/**
 * Where the first unsafe string is in a parsed JSON value (`prize`, `args[1]`, or a key's own
 * path), or null when every string and key is safe.
 */
export function findUnsafeText(value: unknown, path = ""): string | null {
  if (typeof value === "string") return isSafeText(value) ? null : path || "(body)";
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = findUnsafeText(item, `${path}[${index}]`);
      if (found !== null) return found;
    }
    return null;
  }
  if (typeof value === "object" && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      const here = path ? `${path}.${key}` : key;
      if (!isSafeText(key)) return path || "(body)";
      const found = findUnsafeText(item, here);
      if (found !== null) return found;
    }
  }
  return null;
}
