/**
 * Durations in French and English: `48h`, `2 jours`, `a week`, `1 jour et 12 heures`, `1.5 days`,
 * `une heure et demie`, and back to Maxis's compact grammar (`2d4h30min`). Pure.
 */
import { isTimeOfDay } from "./days";
import type { NumberSpan } from "./numbers";
import { sameWord, type Token } from "./text";

const UNIT_SECONDS: Record<string, number> = {
  s: 1,
  sec: 1,
  secs: 1,
  seconde: 1,
  secondes: 1,
  second: 1,
  seconds: 1,
  m: 60,
  mn: 60,
  min: 60,
  mins: 60,
  minute: 60,
  minutes: 60,
  h: 3_600,
  hr: 3_600,
  hrs: 3_600,
  heure: 3_600,
  heures: 3_600,
  hour: 3_600,
  hours: 3_600,
  d: 86_400,
  j: 86_400,
  jour: 86_400,
  jours: 86_400,
  journee: 86_400,
  journees: 86_400,
  day: 86_400,
  days: 86_400,
  w: 604_800,
  sem: 604_800,
  semaine: 604_800,
  semaines: 604_800,
  week: 604_800,
  weeks: 604_800,
  mois: 2_592_000,
  an: 31_536_000,
  ans: 31_536_000,
  annee: 31_536_000,
  annees: 31_536_000,
  year: 31_536_000,
  years: 31_536_000,
  month: 2_592_000,
  months: 2_592_000,
};

function unitOf(word: string): number | undefined {
  const exact = UNIT_SECONDS[word];
  if (exact !== undefined) return exact;
  for (const [unit, seconds] of Object.entries(UNIT_SECONDS))
    if (unit.length >= 5 && sameWord(word, unit)) return seconds;
  return undefined;
}

export interface Found<T> {
  value: T;
  /** Token indexes it covers. */
  first: number;
  last: number;
}

/** One compact token such as `48h`, `2d`, `1d12h`, `90min`, `2j`, `2.5h`: seconds and its last unit, or null. */
function compactDuration(word: string): { seconds: number; unit: number } | null {
  if (!/^(\d{1,4}(?:[.,]\d{1,2})?(min|mn|[smhdjw]))+$/.test(word)) return null;
  let seconds = 0;
  let last = 0;
  for (const [, value, unit] of word.matchAll(/(\d{1,4}(?:[.,]\d{1,2})?)(min|mn|[smhdjw])/g)) {
    last = UNIT_SECONDS[unit ?? ""] ?? 0;
    seconds += Number(value?.replace(",", ".")) * last;
  }
  return { seconds, unit: last };
}

const ARTICLE_ONE = new Set(["a", "an", "one", "un", "une"]);

/**
 * The first duration written as amounts and units, consecutive pieces added up (`1 jour et 12 h`).
 * `skipTimeOfDay` leaves `demain 20h` to the end-time reader.
 */
export function findDuration(tokens: readonly Token[], numbers: readonly NumberSpan[]): Found<number> | null {
  const groups: Found<number>[] = [];
  let found: Found<number> | null = null;
  for (let i = 0; i < tokens.length; i++) {
    const piece = durationAt(tokens, numbers, i);
    if (!piece || isTimeOfDay(tokens, i)) {
      if (found && !(tokens[i]?.word === "et" || tokens[i]?.word === "and")) {
        groups.push(found);
        found = null;
      }
      continue;
    }
    found = found ? { value: found.value + piece.value, first: found.first, last: piece.last } : piece;
    i = piece.last;
  }
  if (found) groups.push(found);
  // `un mois de Nitro pendant une semaine`: the one introduced as a duration wins.
  return groups.find((g) => DURATION_CUES.includes(tokens[g.first - 1]?.word ?? "")) ?? groups[0] ?? null;
}

const DURATION_CUES = ["pendant", "for", "during", "durant", "lasting", "over", "sur", "duree"];

function durationAt(
  tokens: readonly Token[],
  numbers: readonly NumberSpan[],
  i: number,
): Found<number> | null {
  const word = tokens[i]?.word ?? "";
  const compact = compactDuration(word);
  if (compact !== null) return withHalf(tokens, { value: compact.seconds, first: i, last: i }, compact.unit);
  const half = halfOf(tokens, i);
  if (half) return half;
  const number = numbers.find((n) => n.first === i);
  const amount = number?.value ?? (ARTICLE_ONE.has(word) ? 1 : null);
  const unitIndex = number ? number.last + 1 : i + 1;
  if (amount === null) return null;
  const unit = unitOf(tokens[unitIndex]?.word ?? "");
  if (unit === undefined) return null;
  return withHalf(tokens, { value: amount * unit, first: i, last: unitIndex }, unit);
}

/** `une heure et demie`, `1 jour et demi`, `an hour and a half`: half a unit more after the piece. */
function withHalf(tokens: readonly Token[], piece: Found<number>, unit: number): Found<number> {
  const next = (k: number) => tokens[piece.last + k]?.word;
  const words =
    next(1) === "et" && (next(2) === "demi" || next(2) === "demie")
      ? 2
      : next(1) === "and" && next(2) === "a" && next(3) === "half"
        ? 3
        : 0;
  return words ? { value: piece.value + unit / 2, first: piece.first, last: piece.last + words } : piece;
}

/** `demi-heure`, `demi-journée`, `half an hour`, `half a day` at token i. */
function halfOf(tokens: readonly Token[], i: number): Found<number> | null {
  const word = tokens[i]?.word ?? "";
  const prefixed = /^demi-(.+)$/.exec(word);
  if (prefixed) {
    const unit = unitOf(prefixed[1] ?? "");
    return unit === undefined ? null : { value: unit / 2, first: i, last: i };
  }
  if (word !== "half" || !ARTICLE_ONE.has(tokens[i + 1]?.word ?? "")) return null;
  const unit = unitOf(tokens[i + 2]?.word ?? "");
  return unit === undefined ? null : { value: unit / 2, first: i, last: i + 2 };
}

/** Seconds as whole minutes, or null when they are not (`1.33 hours`): Maxis's durations count minutes. */
export function wholeMinutes(seconds: number): number | null {
  const minutes = seconds / 60;
  // 1.1 h is 3960.0000000000005 s in floating point: a rounding error is no fraction of a minute.
  return Math.abs(minutes - Math.round(minutes)) < 1e-6 ? Math.round(minutes) : null;
}

/** Seconds as Maxis's duration grammar writes them: `2d4h30min`, to the minute. */
export function compactFromSeconds(seconds: number): string {
  let minutes = Math.max(1, Math.round(seconds / 60));
  const days = Math.floor(minutes / 1440);
  minutes -= days * 1440;
  const hours = Math.floor(minutes / 60);
  minutes -= hours * 60;
  return `${days ? `${days}d` : ""}${hours ? `${hours}h` : ""}${minutes ? `${minutes}min` : ""}`;
}
