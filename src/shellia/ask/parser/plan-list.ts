/**
 * Several plans named in one promotion (`on basic and pro`, `sur pro et basic`, `the basic, pro and
 * premium plans`): the words listed around the plan the promotion names. Pure.
 */
import type { Clause } from "./clause";
import * as V from "./vocabulary";

const AND = ["and", "et"];

type Link = "and" | "comma";

/** How token `a` is joined to the listed word after it, and where that word is, if it is one. */
function linkAfter(c: Clause, a: number, content: (i: number) => boolean): { link: Link; at: number } | null {
  const end = c.tokens[a]?.end ?? 0;
  if (AND.includes(c.tokens[a + 1]?.word ?? "")) {
    // `et le plan basic`, `and on pro`: small words may sit between the joint and the plan.
    for (let i = a + 2; i < c.tokens.length && i <= a + 4; i++) {
      if (content(i)) return { link: "and", at: i };
      const word = c.tokens[i]?.word ?? "";
      if (!V.FILLER.includes(word) && !V.PLAN_WORDS.includes(word)) return null;
    }
    return null;
  }
  const next = c.tokens[a + 1];
  const between = next ? c.text.slice(end, next.start).trim() : "";
  if (!next || !content(a + 1)) return null;
  if (between === "&" || between === "+") return { link: "and", at: a + 1 };
  return between === "," ? { link: "comma", at: a + 1 } : null;
}

/** A listed plan is one word: `and make it 2 days` is another clause, not a plan called `make`. */
const oneWord = (i: number, content: (i: number) => boolean) => !content(i + 1);

/**
 * The token indexes of the plans listed with the one at `anchor`, in order. Commas only list when an
 * `and`/`et` closes the list (`pro, merci` names one plan).
 */
export function planList(c: Clause, anchor: number, content: (i: number) => boolean): number[] {
  // `the basic, pro and premium plans` names `premium` first: the list starts before it.
  let first = anchor;
  for (let moved = true; moved; ) {
    moved = false;
    for (let i = first - 1; i >= 0 && first - i <= 4; i--) {
      if (content(i) && linkAfter(c, i, content)?.at === first) {
        first = i;
        moved = true;
        break;
      }
    }
  }
  const items = [first];
  const links: Link[] = [];
  for (let at = first; ; ) {
    const next = linkAfter(c, at, content);
    if (!next || !oneWord(next.at, content)) break;
    items.push(next.at);
    links.push(next.link);
    at = next.at;
  }
  const lastAnd = links.lastIndexOf("and");
  const listed = items.slice(0, lastAnd + 2);
  return listed.includes(anchor) ? listed : [anchor];
}
