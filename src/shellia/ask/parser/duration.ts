/**
 * Durations in French and English: `48h`, `2 jours`, `a week`, `1 jour et 12 heures`, and back to
 * Maxis's compact grammar (`2d4h30min`). Pure.
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

/** One compact token such as `48h`, `2d`, `1d12h`, `90min`, `2j`: seconds, or null. */
function compactDuration(word: string): number | null {
  if (!/^(\d{1,4}(min|mn|[smhdjw]))+$/.test(word)) return null;
  let seconds = 0;
  for (const [, amount, unit] of word.matchAll(/(\d{1,4})(min|mn|[smhdjw])/g)) {
    seconds += Number(amount) * (UNIT_SECONDS[unit ?? ""] ?? 0);
  }
  return seconds;
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
  if (compact !== null) return { value: compact, first: i, last: i };
  const number = numbers.find((n) => n.first === i);
  const amount = number?.value ?? (ARTICLE_ONE.has(word) ? 1 : null);
  const unitIndex = number ? number.last + 1 : i + 1;
  if (amount === null) return null;
  const unit = unitOf(tokens[unitIndex]?.word ?? "");
  if (unit === undefined) return null;
  // `48 h 30`: trailing minutes after hours.
  return { value: amount * unit, first: i, last: unitIndex };
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
