import type { SlaSettings, WeeklySpan } from "../../api";

/** The form's state of one weekday: open or not, from and to (one span a day in this editor). */
export interface DayHours {
  open: boolean;
  from: string;
  to: string;
}

/** Monday (1) to Sunday (7); a day with several spans shows its first one. */
export function daysFromSpans(spans: WeeklySpan[] | null): DayHours[] {
  return [1, 2, 3, 4, 5, 6, 7].map((day) => {
    const span = spans?.find((s) => s.day === day);
    return span ? { open: true, from: span.from, to: span.to } : { open: false, from: "09:00", to: "18:00" };
  });
}

export function spansFromDays(days: DayHours[]): WeeklySpan[] {
  return days.flatMap((d, i) => (d.open ? [{ day: i + 1, from: d.from, to: d.to }] : []));
}

/** Holidays typed one per line (or separated by commas), blanks dropped. */
export function parseHolidays(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((d) => d.trim())
    .filter(Boolean);
}

/** Minutes as the form shows them ("" for no target) and back. */
export const minutesText = (value: number | null) => (value === null ? "" : String(value));
export const minutesValue = (text: string): number | null =>
  text.trim() === "" ? null : Number.parseInt(text, 10);

export type SlaDraft = Omit<SlaSettings, "weeklyHours" | "holidays"> & {
  allDay: boolean;
  days: DayHours[];
  holidaysText: string;
};

export const draftOf = (s: SlaSettings): SlaDraft => ({
  ...s,
  allDay: s.weeklyHours === null,
  days: daysFromSpans(s.weeklyHours),
  holidaysText: s.holidays.join("\n"),
});

export const changesOf = (d: SlaDraft): SlaSettings => ({
  enabled: d.enabled,
  timeZone: d.timeZone,
  weeklyHours: d.allDay ? null : spansFromDays(d.days),
  holidays: parseHolidays(d.holidaysText),
  targets: d.targets,
  warnPercent: d.warnPercent,
  onCallRoleId: d.onCallRoleId?.trim() ? d.onCallRoleId.trim() : null,
});
