/**
 * Numbers as operators write them: digits (`12.5` and `12,5` too), or words in French or English
 * (`vingt-cinq`, `twenty five`, `quatre-vingt-dix`, `soixante et onze`). Pure.
 */
import type { Token } from "./text";

const WORDS: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fourty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  un: 1,
  une: 1,
  deux: 2,
  trois: 3,
  quatre: 4,
  cinq: 5,
  sept: 7,
  huit: 8,
  neuf: 9,
  dix: 10,
  onze: 11,
  douze: 12,
  treize: 13,
  quatorze: 14,
  quinze: 15,
  seize: 16,
  vingt: 20,
  vingts: 20,
  trente: 30,
  quarante: 40,
  cinquante: 50,
  soixante: 60,
  hundred: 100,
  cent: 100,
  cents: 100,
};

/** `one`, `un`, `une` alone are as often articles as numbers; callers may ignore them. */
const ARTICLES = new Set(["one", "un", "une"]);

export interface NumberSpan {
  value: number;
  /** Token indexes [first, last]. */
  first: number;
  last: number;
  /** A lone `un`/`une`/`one`: a number only where a unit or noun follows. */
  article: boolean;
}

function wordParts(word: string): number[] | null {
  if (/^\d{1,6}$/.test(word)) return [Number(word)];
  // `1,000` (English) and `1.000` (French) are a thousand: three digits after the mark group thousands.
  if (/^[1-9]\d{0,2}[.,]\d{3}$/.test(word)) return [Number(word.replace(/[.,]/, ""))];
  // `12.5`, `12,5`: kept whole, so a fraction is never read as its last digits.
  if (/^\d{1,6}[.,]\d{1,6}$/.test(word)) return [Number(word.replace(",", "."))];
  const parts = word.split("-");
  const values = parts.map((part) => WORDS[part]);
  return values.every((v) => v !== undefined) ? (values as number[]) : null;
}

/** Adds a part to the number being read, or says the part starts another number. */
function combine(current: number, last: number | null, part: number): number | null {
  if (last === null) return part;
  if (part === 100) return (current || 1) * 100;
  if (part === 20 && last === 4) return current - 4 + 80; // quatre-vingt(s)
  if (part < last || (part === 10 && (last === 60 || last === 20))) return current + part;
  return null;
}

/** Every number in the tokens, word runs joined (`vingt et un` is 21). */
export function findNumbers(tokens: readonly Token[]): NumberSpan[] {
  const spans: NumberSpan[] = [];
  let i = 0;
  while (i < tokens.length) {
    const first = wordParts(tokens[i]?.word ?? "");
    if (!first || (first.length === 1 && /^\d/.test(tokens[i]?.word ?? "") === false && first[0] === 0)) {
      i++;
      continue;
    }
    let value = 0;
    let last: number | null = null;
    const start = i;
    let end = i;
    let j = i;
    while (j < tokens.length) {
      const word = tokens[j]?.word ?? "";
      // `vingt et un`, `twenty and one`: the connector belongs to the number only between two parts.
      if ((word === "et" || word === "and") && j > start && wordParts(tokens[j + 1]?.word ?? "")) {
        j++;
        continue;
      }
      const parts = wordParts(word);
      if (!parts || (/^\d/.test(word) && j > start)) break;
      let ok = true;
      for (const part of parts) {
        const next = combine(value, last, part);
        if (next === null) {
          ok = false;
          break;
        }
        value = next;
        last = part;
      }
      if (!ok) break;
      end = j;
      j++;
      if (/^\d/.test(word)) break;
    }
    spans.push({
      value,
      first: start,
      last: end,
      article: start === end && ARTICLES.has(tokens[start]?.word ?? ""),
    });
    i = end + 1;
  }
  return spans;
}
