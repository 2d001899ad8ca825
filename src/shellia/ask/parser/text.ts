/**
 * Text as the built-in parser reads it: lower case, accents dropped, one character for one, so a span
 * found in the normalised text is the same span in what the operator typed (the prize keeps its case).
 */

/** `Énorme Promo` → `enorme promo`; same length as the input. */
export function fold(text: string): string {
  let out = "";
  for (const ch of text) {
    const base = ch.normalize("NFD")[0] ?? ch;
    // Characters outside the BMP count two in a JS string: keep the length identical.
    out += ch.length === 2 ? "  " : base.toLowerCase().length === 1 ? base.toLowerCase() : base;
  }
  return out;
}

export interface Token {
  /** Folded form. */
  word: string;
  start: number;
  end: number;
}

/**
 * Words of the folded text: letters, digits, `-`, `_`, `%`, `#`, `:`, `'` split off (d'un → d, un).
 * A decimal number (`12.5`, `12,5`, `2.5h`) is one word; a `.` or `,` not between two digits ends one.
 */
export function tokens(folded: string): Token[] {
  const found: Token[] = [];
  for (const match of folded.matchAll(/<#\d+>|\d+[.,]\d+[a-z0-9_]*|[a-z0-9_]+(?:[-:][a-z0-9_]+)*|%|€|\$/g)) {
    found.push({ word: match[0], start: match.index, end: match.index + match[0].length });
  }
  return found;
}

/** Optimal string alignment distance (a swap of two letters counts one), stopping early past `max`. */
export function distance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    const row: number[] = [i];
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        row.push(j);
        continue;
      }
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(
        (rows[i - 1]?.[j] ?? 0) + 1,
        (row[j - 1] ?? 0) + 1,
        (rows[i - 1]?.[j - 1] ?? 0) + cost,
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, (rows[i - 2]?.[j - 2] ?? 0) + 1);
      }
      row.push(best);
    }
    rows.push(row);
  }
  return rows[a.length]?.[b.length] ?? max + 1;
}

/** How many typos a word of this length may carry and still count: none under 5 letters. */
export function typoBudget(word: string): number {
  return word.length < 5 ? 0 : word.length < 8 ? 1 : 2;
}

/** Whether a typed word is this keyword, allowing a typo or two in long words. */
export function sameWord(typed: string, keyword: string): boolean {
  if (typed === keyword) return true;
  const budget = Math.min(typoBudget(typed), typoBudget(keyword));
  return budget > 0 && distance(typed, keyword, budget) <= budget;
}
