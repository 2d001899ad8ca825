/**
 * Durations and end times in French and English: `48h`, `2 jours`, `a week`, `1 jour et 12 heures`,
 * `until Friday 18:00`, `jusqu'à demain 20h`, `ending tomorrow 8pm`. An end time is read in the
 * operator's time zone and becomes a duration from now; the preview shows the exact end so the
 * operator sees what was understood before confirming. Pure: `now` and the zone are given.
 */
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

/** `20h` right after a day word or `à`/`at` is a time of day, not a duration. */
function isTimeOfDay(tokens: readonly Token[], i: number): boolean {
  const before = tokens[i - 1]?.word ?? "";
  return (
    /^\d{1,2}h(\d{2})?$/.test(tokens[i]?.word ?? "") &&
    (before === "a" || before === "at" || dayOffsetWord(before) !== null || weekday(before) !== null)
  );
}

const WEEKDAYS: Record<string, number> = {
  sunday: 0,
  monday: 1,
  tuesday: 2,
  wednesday: 3,
  thursday: 4,
  friday: 5,
  saturday: 6,
  dimanche: 0,
  lundi: 1,
  mardi: 2,
  mercredi: 3,
  jeudi: 4,
  vendredi: 5,
  samedi: 6,
};

function weekday(word: string): number | null {
  if (WEEKDAYS[word] !== undefined) return WEEKDAYS[word];
  for (const [name, day] of Object.entries(WEEKDAYS)) if (sameWord(word, name)) return day;
  return null;
}

function dayOffsetWord(word: string): number | null {
  if (word === "today" || word === "aujourd" || word === "tonight" || word === "soir") return 0;
  if (sameWord(word, "tomorrow") || sameWord(word, "demain")) return 1;
  return null;
}

/** `18:00`, `18h`, `18h30`, `8pm`, `8 pm`, `midi`, `noon`, `minuit`, `midnight` at token i. */
function timeAt(
  tokens: readonly Token[],
  numbers: readonly NumberSpan[],
  i: number,
): Found<{ h: number; m: number }> | null {
  const word = tokens[i]?.word ?? "";
  const next = tokens[i + 1]?.word ?? "";
  if (word === "midi" || word === "noon") return { value: { h: 12, m: 0 }, first: i, last: i };
  if (word === "minuit" || word === "midnight") return { value: { h: 23, m: 59 }, first: i, last: i };
  let match = /^(\d{1,2})(?::|h)(\d{2})?$/.exec(word);
  if (match) return clock(Number(match[1]), Number(match[2] ?? 0), i, i);
  match = /^(\d{1,2})(am|pm)$/.exec(word);
  if (match) return clock(twelveHour(Number(match[1]), match[2] ?? ""), 0, i, i);
  const number = numbers.find((n) => n.first === i);
  if (number && (next === "pm" || next === "am"))
    return clock(twelveHour(number.value, next), 0, i, number.last + 1);
  if (number && (next === "h" || next === "heures" || next === "heure")) {
    const minutes = /^\d{2}$/.test(tokens[number.last + 2]?.word ?? "")
      ? Number(tokens[number.last + 2]?.word)
      : null;
    return clock(number.value, minutes ?? 0, i, minutes === null ? number.last + 1 : number.last + 2);
  }
  return null;
}

const twelveHour = (h: number, half: string) => (h % 12) + (half === "pm" ? 12 : 0);

function clock(h: number, m: number, first: number, last: number): Found<{ h: number; m: number }> | null {
  return h <= 23 && m <= 59 ? { value: { h, m }, first, last } : null;
}

const UNTIL = [
  "until",
  "till",
  "jusqu",
  "ending",
  "ends",
  "end",
  "termine",
  "terminant",
  "finit",
  "finissant",
  "fin",
  "by",
  "through",
];

/** Wall-clock parts of an instant in a time zone. */
function zoned(ms: number, timeZone: string) {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
    second: "numeric",
    weekday: "short",
  }).formatToParts(ms);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? "0";
  return {
    year: Number(part("year")),
    month: Number(part("month")),
    day: Number(part("day")),
    hour: Number(part("hour")),
    minute: Number(part("minute")),
    second: Number(part("second")),
    weekday: ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"].indexOf(part("weekday")),
  };
}

/** The instant a wall-clock time in a zone stands for (DST-aware to the minute). */
export function wallTimeToInstant(
  wall: { year: number; month: number; day: number; hour: number; minute: number },
  timeZone: string,
): number {
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
  const offset = (at: number) => {
    const z = zoned(at, timeZone);
    return Date.UTC(z.year, z.month - 1, z.day, z.hour, z.minute, z.second) - Math.floor(at / 1000) * 1000;
  };
  const first = asUtc - offset(asUtc);
  return asUtc - offset(first);
}

/**
 * An end time (`until Friday 18:00`, `demain 20h`, `jusqu'à 18h`): the instant, in ms. A day without
 * a time ends at 23:59; a time without a day is today's, or tomorrow's once it has passed.
 */
export function findEnd(
  tokens: readonly Token[],
  numbers: readonly NumberSpan[],
  now: number,
  timeZone: string,
): Found<number> | null {
  for (let i = 0; i < tokens.length; i++) {
    const word = tokens[i]?.word ?? "";
    const offset = dayOffsetWord(word);
    const day = offset === null ? weekday(word) : null;
    const anchored = UNTIL.includes(tokens[i - 1]?.word ?? "") || UNTIL.includes(tokens[i - 2]?.word ?? "");
    if (offset === null && day === null) {
      // A bare time needs `until`/`jusqu'à` before it, or it could be a duration (`20h`).
      if (!anchored) continue;
      const time = timeAt(tokens, numbers, i);
      if (!time) continue;
      return { value: resolve(now, timeZone, null, null, time.value), first: i, last: time.last };
    }
    let j = i + 1;
    if (["a", "at", "vers", "around", "before", "avant"].includes(tokens[j]?.word ?? "")) j++;
    if (tokens[j]?.word === "soir" || tokens[j]?.word === "matin") j++;
    const time = timeAt(tokens, numbers, j);
    return {
      value: resolve(now, timeZone, offset, day, time?.value ?? null),
      first: i,
      last: time ? time.last : i,
    };
  }
  return null;
}

function resolve(
  now: number,
  timeZone: string,
  offset: number | null,
  weekdayWanted: number | null,
  time: { h: number; m: number } | null,
): number {
  const today = zoned(now, timeZone);
  let days = offset ?? 0;
  if (weekdayWanted !== null) days = (weekdayWanted - today.weekday + 7) % 7;
  const { h, m } = time ?? { h: 23, m: 59 };
  const at = (extra: number) => {
    const date = new Date(Date.UTC(today.year, today.month - 1, today.day + days + extra));
    return wallTimeToInstant(
      {
        year: date.getUTCFullYear(),
        month: date.getUTCMonth() + 1,
        day: date.getUTCDate(),
        hour: h,
        minute: m,
      },
      timeZone,
    );
  };
  const candidate = at(0);
  if (candidate > now) return candidate;
  // `until Friday` said on a Friday evening, or `jusqu'à 9h` after 9 h: the next one.
  return at(weekdayWanted !== null ? 7 : 1);
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
