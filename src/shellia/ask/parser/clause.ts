/**
 * One clause of an operator's request, folded and tokenized once, and the small readers every part of
 * the parser uses on it (is a word there, where, which duration or end time it names).
 */
import type { ActionDraft } from "../actions";
import { compactFromSeconds, type Found, findDuration, wholeMinutes } from "./duration";
import { findNumbers, type NumberSpan } from "./numbers";
import { fold, sameWord, type Token, tokens as tokenize } from "./text";
import * as V from "./vocabulary";
import { findEnd } from "./when";

export interface ParseContext {
  /** Names of the configured Maxis bots. */
  targets: readonly string[];
  now: number;
  timeZone: string;
}

/** A question back to the operator; `field` is a `/maxis` option or one of the parser's own. */
export type Question = { kind: "question"; field: string };

/** What the parser made of a clause; like `Resolution`, three answers rather than a result. */
export type Parsed = { kind: "drafts"; drafts: ActionDraft[] } | Question | { kind: "refusal" };

export type WithTarget = (action: string, options: Record<string, unknown>, hints?: string[]) => Parsed;

export interface Clause {
  text: string;
  folded: string;
  tokens: Token[];
  numbers: NumberSpan[];
  ctx: ParseContext;
}

/** A token is one of the words: exactly, or within a typo when it is no other known word. */
export const isWord = (token: string, words: readonly string[]) =>
  words.includes(token) || (!V.KNOWN_WORDS.has(token) && words.some((w) => sameWord(token, w)));
export const has = (clause: Clause, words: readonly string[]) =>
  clause.tokens.some((t) => isWord(t.word, words));
export const indexOf = (clause: Clause, words: readonly string[], from = 0) =>
  clause.tokens.findIndex((t, i) => i >= from && isWord(t.word, words));

export function makeClause(text: string, ctx: ParseContext): Clause {
  // `pour cent` and `per cent` are one word here; same length, so spans still match the original.
  const folded = fold(text).replace(/\b(pour|per) cent\b/g, (m) => `${m.replace(" ", "")} `);
  const tokens = tokenize(folded);
  return { text, folded, tokens, numbers: findNumbers(tokens), ctx };
}

/**
 * A duration or an end time, as Maxis's duration grammar writes it. The text is null for a duration
 * that is no whole number of minutes (`1.33 hours`): the operator is asked rather than rounded for.
 */
export function durationOf(c: Clause): { text: string | null; span: Found<number> } | null {
  const end = findEnd(c.tokens, c.numbers, c.ctx.now, c.ctx.timeZone);
  if (end) return { text: compactFromSeconds((end.value - c.ctx.now) / 1000), span: end };
  const duration = findDuration(c.tokens, c.numbers);
  if (!duration) return null;
  const minutes = wholeMinutes(duration.value);
  return { text: minutes === null ? null : compactFromSeconds(minutes * 60), span: duration };
}
