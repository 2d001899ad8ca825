/**
 * `/maxis promo` from words: the percentage, the plan (next to `plan`/`sur`/`on`, or the content words
 * Maxis's plans are checked against; several listed plans make one promotion each) and how long it
 * runs.
 */

import { type Clause, durationOf, indexOf, type Parsed, type WithTarget } from "./clause";
import type { Found } from "./duration";
import type { NumberSpan } from "./numbers";
import { planList } from "./plan-list";
import { fold, sameWord } from "./text";
import * as V from "./vocabulary";

/** A number written with `%`, `pour cent`, `percent` or `off`. */
export function explicitPercent(c: Clause): number | null {
  for (const n of c.numbers) {
    const next = c.tokens[n.last + 1]?.word ?? "";
    if (V.PERCENT_WORDS.includes(next) || next === "off") return n.value;
  }
  return null;
}

/** `20 %`, `20%`, `vingt pour cent`, `twenty percent`; or the one plain number of a promo clause. */
function percentOf(c: Clause, used: readonly Found<number>[] = []): number | null {
  const explicit = explicitPercent(c);
  if (explicit !== null) return explicit;
  const inUse = (n: NumberSpan) => used.some((u) => u.first <= n.first && n.first <= u.last);
  const plain = c.numbers.filter(
    (n) => !n.article && !inUse(n) && !/^\d+[a-z]/.test(c.tokens[n.first]?.word ?? ""),
  );
  return plain.length === 1 ? (plain[0]?.value ?? null) : null;
}

export function promo(c: Clause, withTarget: WithTarget): Parsed {
  const duration = durationOf(c);
  const percent = percentOf(c, duration ? [duration.span] : []);
  const plans = planTexts(c, duration?.span);
  const options = (plan: string | undefined) => ({
    ...(percent !== null ? { percent } : {}),
    ...(plan ? { plan } : {}),
    ...(duration?.text ? { duration: duration.text } : {}),
  });
  if (plans.length <= 1) {
    return withTarget("promo", options(plans[0]), plans.length ? undefined : contentWords(c, duration?.span));
  }
  // `on basic and pro`: one promotion per plan, the same percentage and duration.
  const each = plans.map((plan) => withTarget("promo", options(plan)));
  return (
    each.find((p) => p.kind !== "drafts") ?? {
      kind: "drafts",
      drafts: each.flatMap((p) => (p.kind === "drafts" ? p.drafts : [])),
    }
  );
}

/** Words that could be a plan's name when none sits next to `plan`/`sur`/`on`: checked against Maxis's plans. */
function contentWords(c: Clause, duration: Found<number> | undefined): string[] {
  return c.tokens.filter((_token, i) => isContent(c, i, duration)).map((t) => c.text.slice(t.start, t.end));
}

function isContent(c: Clause, i: number, duration: Found<number> | undefined): boolean {
  const token = c.tokens[i];
  if (!token || isKeyword(token.word) || /^\d/.test(token.word)) return false;
  if (c.numbers.some((n) => n.first <= i && i <= n.last)) return false;
  if (duration && duration.first <= i && i <= duration.last) return false;
  return !c.ctx.targets.some((t) => fold(t) === token.word);
}

const isKeyword = (word: string) =>
  [
    V.PROMO,
    V.LAUNCH,
    V.PLAN_WORDS,
    V.PERCENT_WORDS,
    V.FILLER,
    V.ALL_BOTS,
    ["pendant", "during", "jusqu", "until", "maxis", "promo"],
  ].some((list) => list.some((w) => sameWord(word, w)));

/** The plans the clause names: the word next to `plan`/`sur`/`on`, and those listed with it. */
function planTexts(c: Clause, duration: Found<number> | undefined): string[] {
  const content = (i: number) => isContent(c, i, duration);
  const at = planAt(c, content);
  if (at === null) return [];
  return planList(c, at, content).map((i) => c.text.slice(c.tokens[i]?.start ?? 0, c.tokens[i]?.end ?? 0));
}

function planAt(c: Clause, content: (i: number) => boolean): number | null {
  const planWordAt = indexOf(c, V.PLAN_WORDS);
  if (planWordAt >= 0) {
    for (let i = planWordAt + 1; i < c.tokens.length && i <= planWordAt + 3; i++) if (content(i)) return i;
    if (content(planWordAt - 1)) return planWordAt - 1;
  }
  const onAt = c.tokens.findIndex(
    (t) => t.word === "sur" || t.word === "on" || t.word === "for" || t.word === "pour",
  );
  for (let from = onAt; from >= 0 && from < c.tokens.length; ) {
    for (let i = from + 1; i < c.tokens.length && i <= from + 3; i++) if (content(i)) return i;
    from = c.tokens.findIndex(
      (t, k) => k > from && (t.word === "sur" || t.word === "on" || t.word === "pour"),
    );
  }
  return null;
}
