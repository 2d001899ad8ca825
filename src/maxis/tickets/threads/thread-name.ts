/** Discord's limit on a thread's name. */
export const THREAD_NAME_LIMIT = 100;

/**
 * `#<number> <subject>`, on one line, cut to Discord's 100 characters without splitting a character
 * made of two UTF-16 units (an emoji). A thread name is plain text: Discord renders no Markdown there.
 */
export function threadName(number: number, subject: string): string {
  const name = `#${number} ${subject.replace(/\s+/g, " ").trim()}`;
  const chars = Array.from(name);
  let out = "";
  for (const char of chars) {
    if (out.length + char.length > THREAD_NAME_LIMIT) break;
    out += char;
  }
  return out;
}
