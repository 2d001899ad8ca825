/**
 * End times in French and English (durations are duration.ts's): `until Friday 18:00`,
 * `jusqu'à demain 20h`, `ending tomorrow 8pm`, `until 6:30 pm`. An end time is read in the
 * operator's time zone and becomes a duration from now; the preview shows the exact end so the
 * operator sees what was understood before confirming. Pure: `now` and the zone are given.
 */
import { dayOffsetWord, weekday } from "./days";
import type { Found } from "./duration";
import type { NumberSpan } from "./numbers";
import type { Token } from "./text";

/** `18:00`, `18h`, `18h30`, `8pm`, `8 pm`, `6:30pm`, `6:30 pm`, `midi`, `noon`, `minuit`, `midnight` at token i. */
function timeAt(
  tokens: readonly Token[],
  numbers: readonly NumberSpan[],
  i: number,
): Found<{ h: number; m: number }> | null {
  const word = tokens[i]?.word ?? "";
  const next = tokens[i + 1]?.word ?? "";
  const halfNext = next === "am" || next === "pm" ? next : null;
  if (word === "midi" || word === "noon") return { value: { h: 12, m: 0 }, first: i, last: i };
  if (word === "minuit" || word === "midnight") return { value: { h: 23, m: 59 }, first: i, last: i };
  // `6.30` is a time only with am/pm after it; alone it is a number.
  let match = /^(\d{1,2})(:|h|\.)(\d{2})?(am|pm)?$/.exec(word);
  if (match) {
    const h = Number(match[1]);
    const m = Number(match[3] ?? 0);
    const half = match[4] ?? halfNext;
    if (match[2] === "." && !(half && match[3])) return null;
    if (!half) return clock(h, m, i, i);
    return clock(twelveHour(h, half), m, i, match[4] ? i : i + 1);
  }
  match = /^(\d{1,2})(am|pm)$/.exec(word);
  if (match) return clock(twelveHour(Number(match[1]), match[2] ?? ""), 0, i, i);
  const number = numbers.find((n) => n.first === i);
  if (number && halfNext) return clock(twelveHour(number.value, halfNext), 0, i, number.last + 1);
  if (number && (next === "h" || next === "heures" || next === "heure")) {
    const minutes = /^\d{2}$/.test(tokens[number.last + 2]?.word ?? "")
      ? Number(tokens[number.last + 2]?.word)
      : null;
    return clock(number.value, minutes ?? 0, i, minutes === null ? number.last + 1 : number.last + 2);
  }
  return null;
}

/** `6 pm` → 18, `12 am` → 0; `18 pm` stays 18, and `18 am` is no time (-1). */
function twelveHour(h: number, half: string): number {
  if (h > 12) return half === "pm" ? h : -1;
  return (h % 12) + (half === "pm" ? 12 : 0);
}

function clock(h: number, m: number, first: number, last: number): Found<{ h: number; m: number }> | null {
  const valid = Number.isInteger(h) && Number.isInteger(m) && h >= 0 && h <= 23 && m >= 0 && m <= 59;
  return valid ? { value: { h, m }, first, last } : null;
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
