/**
 * Day words in French and English: weekdays (`vendredi`, `Friday`), `today`/`demain`, and whether
 * `20h` after one of them is a time of day rather than a duration.
 */
import { sameWord, type Token } from "./text";

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

export function weekday(word: string): number | null {
  if (WEEKDAYS[word] !== undefined) return WEEKDAYS[word];
  for (const [name, day] of Object.entries(WEEKDAYS)) if (sameWord(word, name)) return day;
  return null;
}

export function dayOffsetWord(word: string): number | null {
  if (word === "today" || word === "aujourd" || word === "tonight" || word === "soir") return 0;
  if (sameWord(word, "tomorrow") || sameWord(word, "demain")) return 1;
  return null;
}

/** `20h` right after a day word or `à`/`at` is a time of day, not a duration. */
export function isTimeOfDay(tokens: readonly Token[], i: number): boolean {
  const before = tokens[i - 1]?.word ?? "";
  return (
    /^\d{1,2}h(\d{2})?$/.test(tokens[i]?.word ?? "") &&
    (before === "a" || before === "at" || dayOffsetWord(before) !== null || weekday(before) !== null)
  );
}
