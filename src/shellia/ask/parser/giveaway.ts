/**
 * `/maxis giveaway` and the giveaway operations from words: the prize (quoted, or the words after
 * `giveaway`), the channel, the winners, the duration, and a giveaway's id.
 */

import { type Clause, durationOf, indexOf, type Parsed, type WithTarget } from "./clause";
import type { Found } from "./duration";
import type { NumberSpan } from "./numbers";
import { sameWord, type Token } from "./text";
import * as V from "./vocabulary";

const GIVEAWAY_ID = /^[0-9a-z_-]{4,64}$/;
const KNOWN = new Set([
  ...V.GIVEAWAY,
  ...V.END,
  ...V.REROLL,
  ...V.FILLER,
  ...V.WINNERS,
  "id",
  "numero",
  "n",
  "number",
  "le",
  "giveaway",
]);

export function giveawayId(c: Clause): string | null {
  const at = indexOf(c, [...V.GIVEAWAY, ...V.REROLL, "id"]);
  for (let i = Math.max(at, 0); i < c.tokens.length; i++) {
    const token = c.tokens[i];
    if (
      !token ||
      KNOWN.has(token.word) ||
      c.numbers.some((n) => n.first <= i && i <= n.last && !/\d/.test(token.word))
    )
      continue;
    if (/^\d{1,2}$/.test(token.word)) continue;
    if (GIVEAWAY_ID.test(token.word) && (/\d/.test(token.word) || i > at)) {
      if (V.GIVEAWAY.some((w) => sameWord(token.word, w)) || V.END.some((w) => sameWord(token.word, w)))
        continue;
      return c.text.slice(token.start, token.end);
    }
  }
  return null;
}

/** The number is followed by a winners word (`3 gagnants`): it counts winners. */
const countsWinners = (c: Clause, n: NumberSpan) =>
  V.WINNERS.some((w) => sameWord(c.tokens[n.last + 1]?.word ?? "", w));

/** The word names a channel: a mention (`<#id>`) or `#name`. */
const namesChannel = (c: Clause, token: Token) =>
  token.word.startsWith("<#") || c.folded[token.start - 1] === "#";

export function winnersCount(c: Clause): number | null {
  return c.numbers.find((n) => countsWinners(c, n))?.value ?? null;
}

export function giveaway(c: Clause, withTarget: WithTarget): Parsed {
  const duration = durationOf(c);
  const winners = winnersCount(c);
  const prize = prizeText(c, duration?.span);
  const channel = channelText(c);
  return withTarget("giveaway", {
    ...(prize ? { prize } : {}),
    ...(duration?.text ? { duration: duration.text } : {}),
    ...(channel ? { channel } : {}),
    ...(winners !== null ? { winners } : {}),
  });
}

const PRIZE_STOP = [
  "pendant",
  "during",
  "for",
  "pour",
  "with",
  "avec",
  "ending",
  "ends",
  "until",
  "till",
  "jusqu",
  "in",
  "dans",
  "sur",
  "se",
  "qui",
  "that",
  "which",
  "lasting",
  "durant",
  "ending",
  "finissant",
  "terminant",
  "tomorrow",
  "demain",
  "today",
  "aujourd",
  ...V.CHANNEL_WORDS,
  ...V.WINNERS,
  "maxis",
];

function prizeText(c: Clause, duration: Found<number> | undefined): string | null {
  const quoted = /["«“]\s*([^"»”]{1,256}?)\s*["»”]/.exec(c.text);
  if (quoted?.[1]) return quoted[1];
  const keyword = indexOf(c, V.GIVEAWAY);
  const at = keyword >= 0 ? keyword : c.tokens.findIndex((t) => t.word === "away");
  let i = at + 1;
  if (c.tokens[at]?.word === "give" && c.tokens[i]?.word === "away") i++;
  let first = -1;
  let last = -1;
  for (; i < c.tokens.length; i++) {
    const token = c.tokens[i];
    if (!token) break;
    const inDuration = duration && duration.first <= i && i <= duration.last;
    const number = c.numbers.find((n) => n.first === i);
    const winnersAfter = number && countsWinners(c, number);
    if (first < 0) {
      if (winnersAfter && number) {
        i = number.last + 1;
        continue;
      }
      if (inDuration || namesChannel(c, token)) break;
      if (
        V.FILLER.includes(token.word) ||
        V.LAUNCH.includes(token.word) ||
        token.word === "sort" ||
        token.word === "away"
      )
        continue;
      if (PRIZE_STOP.includes(token.word)) break;
      first = i;
      last = i;
      continue;
    }
    if (inDuration || winnersAfter || PRIZE_STOP.includes(token.word) || token.word.startsWith("<#")) break;
    if (JOINS.includes(token.word) && !prizeGoesOn(c, i + 1, duration)) break;
    if ((token.word === "de" || token.word === "of") && duration && duration.first === i + 1) break;
    last = i;
  }
  if (first < 0) return null;
  const text = wholeWords(c.text, c.tokens[first]?.start ?? 0, c.tokens[last]?.end ?? 0);
  return text || null;
}

const JOINS = ["et", "and"];

/**
 * After « et » / "and" inside the prize: whether the words that follow still name it ("Nitro et un
 * jeu Steam") rather than start the rest of the request ("Nitro and 2 winners", "et dans #general").
 */
function prizeGoesOn(c: Clause, from: number, duration: Found<number> | undefined): boolean {
  for (let j = from; j < c.tokens.length; j++) {
    const token = c.tokens[j];
    if (!token) return false;
    if (duration && duration.first <= j && j <= duration.last) return false;
    // A number goes on naming the prize ("et un jeu", "and 2 Steam keys") unless it counts winners.
    const number = c.numbers.find((n) => n.first === j);
    if (number) return !countsWinners(c, number);
    if (namesChannel(c, token)) return false;
    if (V.FILLER.includes(token.word)) continue;
    return !(
      PRIZE_STOP.includes(token.word) ||
      JOINS.includes(token.word) ||
      V.LAUNCH.includes(token.word) ||
      V.GIVEAWAY.includes(token.word)
    );
  }
  return false;
}

const OPENING = "([{";
const CLOSING = ")]}";
const count = (text: string, chars: string) => [...text].filter((ch) => chars.includes(ch)).length;

/**
 * The prize as the operator typed it: the words found, with the punctuation attached to them
 * (`(Été!)`, `50€!`, `C++`), less what only separates it from the rest of the sentence (a trailing
 * comma, a bracket opened or closed outside it).
 */
function wholeWords(text: string, start: number, end: number): string {
  let from = start;
  let to = end;
  while (from > 0 && !/\s/.test(text[from - 1] ?? " ")) from--;
  while (to < text.length && !/\s/.test(text[to] ?? " ")) to++;
  let prize = text.slice(from, to);
  for (;;) {
    const last = prize.at(-1) ?? "";
    const firstChar = prize[0] ?? "";
    if (",;:".includes(last) || OPENING.includes(last)) prize = prize.slice(0, -1);
    else if (CLOSING.includes(last) && count(prize, CLOSING) > count(prize, OPENING))
      prize = prize.slice(0, -1);
    else if (OPENING.includes(firstChar) && count(prize, OPENING) > count(prize, CLOSING))
      prize = prize.slice(1);
    else if (",;:".includes(firstChar) && prize) prize = prize.slice(1);
    else break;
    if (!prize) break;
  }
  return prize.trim();
}

function channelText(c: Clause): string | null {
  const mention = c.tokens.find((t) => t.word.startsWith("<#"));
  if (mention) return mention.word;
  const hash = c.tokens.find((t) => c.folded[t.start - 1] === "#");
  if (hash) return `#${c.text.slice(hash.start, hash.end)}`;
  const at = indexOf(c, V.CHANNEL_WORDS);
  if (at < 0) return null;
  // `le salon general`, `the general channel`.
  const next = c.tokens[at + 1];
  if (next && !V.FILLER.includes(next.word) && !PRIZE_STOP.includes(next.word))
    return `#${c.text.slice(next.start, next.end)}`;
  const before = c.tokens[at - 1];
  if (before && !V.FILLER.includes(before.word)) return `#${c.text.slice(before.start, before.end)}`;
  return null;
}
