/**
 * The built-in parser: French or English words → `/maxis` action drafts, or a question, or a refusal.
 * It only ever fills the options of a `/maxis` subcommand; checking them is resolve.ts's job, the same
 * for the model's answers. Pure: the clock, the time zone and the configured bots are given.
 */
import type { ActionDraft } from "../actions";
import { findNumbers, type NumberSpan } from "./numbers";
import { fold, sameWord, type Token, tokens as tokenize } from "./text";
import * as V from "./vocabulary";
import { compactFromSeconds, type Found, findDuration, findEnd } from "./when";

export interface ParseContext {
  /** Names of the configured Maxis bots. */
  targets: readonly string[];
  now: number;
  timeZone: string;
}

/** A question back to the operator; `field` is a `/maxis` option or one of the parser's own. */
export type Question = { kind: "question"; field: string };

export type Parsed = { kind: "drafts"; drafts: ActionDraft[] } | Question | { kind: "refusal" };

type WithTarget = (action: string, options: Record<string, unknown>, hints?: string[]) => Parsed;

interface Clause {
  text: string;
  folded: string;
  tokens: Token[];
  numbers: NumberSpan[];
  ctx: ParseContext;
}

/** A token is one of the words: exactly, or within a typo when it is no other known word. */
const isWord = (token: string, words: readonly string[]) =>
  words.includes(token) || (!V.KNOWN_WORDS.has(token) && words.some((w) => sameWord(token, w)));
const has = (clause: Clause, words: readonly string[]) => clause.tokens.some((t) => isWord(t.word, words));
const indexOf = (clause: Clause, words: readonly string[], from = 0) =>
  clause.tokens.findIndex((t, i) => i >= from && isWord(t.word, words));

function makeClause(text: string, ctx: ParseContext): Clause {
  // `pour cent` and `per cent` are one word here; same length, so spans still match the original.
  const folded = fold(text).replace(/\b(pour|per) cent\b/g, (m) => `${m.replace(" ", "")} `);
  const tokens = tokenize(folded);
  return { text, folded, tokens, numbers: findNumbers(tokens), ctx };
}

/** Splits on `et`/`and`/`puis`/`then`/commas, but only where every part is an action of its own. */
export function parseRequest(text: string, ctx: ParseContext): Parsed {
  const whole = makeClause(text, ctx);
  const parts = splitClauses(text);
  if (parts.length > 1) {
    const each = parts.map((part) => parseClause(makeClause(part, ctx)));
    if (each.every((p) => p !== null && p.kind === "drafts")) {
      return { kind: "drafts", drafts: each.flatMap((p) => (p?.kind === "drafts" ? p.drafts : [])) };
    }
  }
  return parseClause(whole) ?? { kind: "refusal" };
}

function splitClauses(text: string): string[] {
  return text
    .split(/\s*[,;]\s*|\s+(?:et|and|puis|then|ensuite|plus|also|aussi|&)\s+/i)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** One clause: the action it asks for, or null when it names none. */
function parseClause(c: Clause): Parsed | null {
  if (c.tokens.length === 0) return null;
  const named = findTargets(c);
  const target = named.length === 1 ? named[0] : undefined;
  // Several bots named: status covers them all; anything else must be told which one.
  const withTarget = (action: string, options: Record<string, unknown>, hints?: string[]): Parsed =>
    named.length > 1 && action !== "status"
      ? { kind: "question", field: "target" }
      : {
          kind: "drafts",
          drafts: [
            { action, options: target ? { ...options, target } : options, ...(hints ? { hints } : {}) },
          ],
        };

  if (has(c, V.MAINTENANCE)) {
    const mode = maintenanceMode(c);
    if (mode === "ask") return withTarget("status", {});
    if (mode === null) return { kind: "question", field: "maintenance" };
    return withTarget("execute", { operation: `maintenance ${mode}` });
  }
  if (
    has(c, V.SYNC) ||
    (has(c, V.COMMANDS) &&
      has(c, [
        "register",
        "enregistre",
        "reenregistre",
        "relance",
        "reload",
        "refresh",
        "rafraichis",
        "recharge",
        "redeploie",
      ]))
  ) {
    return withTarget("execute", { operation: "sync-commands" });
  }
  if (has(c, V.TICKETS) && has(c, V.CLOSE)) {
    const days = closeDays(c);
    return days === null
      ? { kind: "question", field: "days" }
      : withTarget("execute", { operation: `close-stale-tickets ${days}` });
  }
  if (
    has(c, V.REROLL) ||
    (has(c, ["nouveau", "nouveaux", "new", "autre", "another"]) && has(c, ["tirage", "draw", ...V.WINNERS]))
  ) {
    const id = giveawayId(c);
    if (!id) return { kind: "question", field: "giveaway" };
    const winners = winnersCount(c);
    return withTarget("execute", { operation: `reroll ${id}${winners ? ` ${winners}` : ""}` });
  }
  const giveawayAt = indexOf(c, V.GIVEAWAY);
  const endAt = indexOf(c, V.END);
  if (giveawayAt >= 0 && endAt >= 0 && endAt < giveawayAt && !has(c, V.LAUNCH)) {
    const id = giveawayId(c);
    return id
      ? withTarget("execute", { operation: `end-giveaway ${id}` })
      : { kind: "question", field: "giveaway" };
  }
  if (has(c, V.OUT_OF_SCOPE)) return { kind: "refusal" };
  if (has(c, ["execute", "executer", "exec", "run"]) && !has(c, [...V.PROMO, ...V.GIVEAWAY])) {
    const at = indexOf(c, ["execute", "executer", "exec", "run"]);
    const rest = c.text.slice(c.tokens[at + 1]?.start ?? c.text.length).trim();
    if (at >= 0 && rest && !has(c, [...V.STATUS, ...V.REPORT, ...V.ANALYTICS, ...V.RESTART])) {
      // An operation that is not on the allow-list is refused later, with the list.
      return withTarget("execute", { operation: rest.slice(0, 100) });
    }
  }
  const reportAt = indexOf(c, V.REPORT);
  const analyticsAt = indexOf(c, V.ANALYTICS);
  // `stats des promotions`, `how many giveaways`: asking about them, not starting one.
  const asking = (reportAt >= 0 || analyticsAt >= 0) && !has(c, V.LAUNCH) && explicitPercent(c) === null;
  const givingAway = giveawayAt >= 0 || /\bgive ?away\b/.test(c.folded);
  if (!asking && (givingAway || (has(c, V.WINNERS) && !has(c, V.PROMO)))) return giveaway(c, withTarget);
  if (!asking && (has(c, V.PROMO) || explicitPercent(c) !== null)) return promo(c, withTarget);
  if (has(c, V.RESTART)) return withTarget("restart", {});
  if (reportAt >= 0) return withTarget("report", period(c));
  if (
    has(c, V.STATUS) ||
    /\b(how (are|is)|comment (va|vont|se porte)|ca va|vont bien|va bien|est-ce que .* (marche|tourne))\b/.test(
      c.folded,
    )
  ) {
    return withTarget("status", {});
  }
  if (analyticsAt >= 0) return withTarget("analytics", period(c));
  return null;
}

/**
 * The bots the clause names (`maxis-eu`, `Maxis EU`), in order. A `maxis…` word that is no configured
 * bot is kept as typed, so the checks ask which bot was meant instead of picking one.
 */
function findTargets(c: Clause): string[] {
  const found: string[] = [];
  const folded = c.ctx.targets.map((name) => ({ name, parts: fold(name).split("-") }));
  for (let i = 0; i < c.tokens.length; i++) {
    let best: { name: string; length: number } | null = null;
    for (const { name, parts } of folded) {
      const joined = parts.join("-");
      if (c.tokens[i]?.word === joined)
        best = best && best.length >= parts.length ? best : { name, length: 1 };
      const spaced = parts.every((part, k) => c.tokens[i + k]?.word === part);
      if (spaced && parts.length > 1 && (!best || best.length < parts.length))
        best = { name, length: parts.length };
    }
    if (best) {
      if (!found.includes(best.name)) found.push(best.name);
      i += best.length - 1;
    } else if (/^maxis[-a-z0-9]*$/.test(c.tokens[i]?.word ?? "")) {
      const typed = c.text.slice(c.tokens[i]?.start ?? 0, c.tokens[i]?.end ?? 0);
      if (!found.includes(typed)) found.push(typed);
    }
  }
  return found;
}

function maintenanceMode(c: Clause): "on" | "off" | "ask" | null {
  const off =
    has(c, V.OFF) || /\b(fin de|sortie de|end of|back online|remet(s|tre)? en ligne)\b/.test(c.folded);
  const maintenanceAt = indexOf(c, [...V.MAINTENANCE, "mode"]);
  const verbOn =
    has(c, V.ON) || c.tokens[maintenanceAt + 1]?.word === "on" || c.tokens[maintenanceAt + 2]?.word === "on";
  if (off) return "off";
  if (verbOn) return "on";
  // `est-ce que maxis est en maintenance ?` asks; `maxis en maintenance` tells.
  if (/\?\s*$/.test(c.text) || /^(est-ce|is|are|does)\b/.test(c.folded.trim())) return "ask";
  if (/\ben maintenance\b/.test(c.folded)) return "on";
  return null;
}

function closeDays(c: Clause): number | null {
  const duration = findDuration(c.tokens, c.numbers);
  if (duration) return duration.value % 86_400 === 0 ? duration.value / 86_400 : null;
  const plain = c.numbers.filter((n) => !n.article);
  return plain.length === 1 ? (plain[0]?.value ?? null) : null;
}

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

function giveawayId(c: Clause): string | null {
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

function winnersCount(c: Clause): number | null {
  for (const n of c.numbers) {
    const next = c.tokens[n.last + 1]?.word ?? "";
    if (V.WINNERS.some((w) => sameWord(next, w))) return n.value;
  }
  return null;
}

/** A number written with `%`, `pour cent`, `percent` or `off`. */
function explicitPercent(c: Clause): number | null {
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

/** A duration or an end time, as Maxis's duration grammar writes it. */
function durationOf(c: Clause): { text: string; span: Found<number> } | null {
  const end = findEnd(c.tokens, c.numbers, c.ctx.now, c.ctx.timeZone);
  if (end) return { text: compactFromSeconds((end.value - c.ctx.now) / 1000), span: end };
  const duration = findDuration(c.tokens, c.numbers);
  return duration ? { text: compactFromSeconds(duration.value), span: duration } : null;
}

function promo(c: Clause, withTarget: WithTarget): Parsed {
  const duration = durationOf(c);
  const percent = percentOf(c, duration ? [duration.span] : []);
  const plan = planText(c, duration?.span);
  return withTarget(
    "promo",
    {
      ...(percent !== null ? { percent } : {}),
      ...(plan ? { plan } : {}),
      ...(duration ? { duration: duration.text } : {}),
    },
    plan ? undefined : contentWords(c, duration?.span),
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

function planText(c: Clause, duration: Found<number> | undefined): string | null {
  const content = (i: number) => isContent(c, i, duration);
  const word = (i: number) => c.text.slice(c.tokens[i]?.start ?? 0, c.tokens[i]?.end ?? 0);
  const planAt = indexOf(c, V.PLAN_WORDS);
  if (planAt >= 0) {
    for (let i = planAt + 1; i < c.tokens.length && i <= planAt + 3; i++) if (content(i)) return word(i);
    if (content(planAt - 1)) return word(planAt - 1);
  }
  const onAt = c.tokens.findIndex(
    (t) => t.word === "sur" || t.word === "on" || t.word === "for" || t.word === "pour",
  );
  for (let from = onAt; from >= 0 && from < c.tokens.length; ) {
    for (let i = from + 1; i < c.tokens.length && i <= from + 3; i++) if (content(i)) return word(i);
    from = c.tokens.findIndex(
      (t, k) => k > from && (t.word === "sur" || t.word === "on" || t.word === "pour"),
    );
  }
  return null;
}

function giveaway(c: Clause, withTarget: WithTarget): Parsed {
  const duration = durationOf(c);
  const winners = winnersCount(c);
  const prize = prizeText(c, duration?.span);
  const channel = channelText(c);
  return withTarget("giveaway", {
    ...(prize ? { prize } : {}),
    ...(duration ? { duration: duration.text } : {}),
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
  "et",
  "and",
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
    const winnersAfter = number && V.WINNERS.some((w) => sameWord(c.tokens[number.last + 1]?.word ?? "", w));
    if (first < 0) {
      if (winnersAfter && number) {
        i = number.last + 1;
        continue;
      }
      if (inDuration || token.word.startsWith("<#") || c.folded[token.start - 1] === "#") break;
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
    if ((token.word === "de" || token.word === "of") && duration && duration.first === i + 1) break;
    last = i;
  }
  if (first < 0) return null;
  const text = c.text.slice(c.tokens[first]?.start ?? 0, c.tokens[last]?.end ?? 0).trim();
  return text || null;
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

function period(c: Clause): Record<string, unknown> {
  const duration = findDuration(c.tokens, c.numbers);
  let seconds = duration?.value ?? null;
  if (seconds === null) {
    if (/\b(aujourd|today|24 ?h|journee|daily|quotidien)/.test(c.folded)) seconds = 86_400;
    else if (/\b(semaine|week|hebdo)/.test(c.folded)) seconds = 604_800;
    else if (/\b(mois|month|mensuel)/.test(c.folded)) seconds = 30 * 86_400;
    else if (/\b(annee|year|annuel|an)\b/.test(c.folded)) seconds = 365 * 86_400;
  }
  if (seconds === null) return {};
  if (seconds % 604_800 === 0) return { period: `${seconds / 604_800}w` };
  if (seconds % 86_400 === 0) return { period: `${seconds / 86_400}d` };
  return { period: `${Math.max(1, Math.round(seconds / 3_600))}h` };
}
