/**
 * Response-time targets (issue 13 §4): business-hours maths on a table of cases worked out by hand
 * (week-ends, holidays, DST switches in Europe/Paris and America/New_York, 24/7), in Postgres.
 */
import { afterAll, describe, expect, it } from "vitest";
import { superuser } from "./db";

afterAll(() => superuser.end());

const weekdays = (from: string, to: string) => [1, 2, 3, 4, 5].map((day) => ({ day, from, to }));
const everyDay = (from: string, to: string) => [1, 2, 3, 4, 5, 6, 7].map((day) => ({ day, from, to }));

// start (UTC), minutes, zone, weekly hours (null: 24/7), holidays → due (UTC)
const cases: [string, string, number, string, object[] | null, string[], string][] = [
  ["24/7 is plain minutes", "2026-03-06T10:00:00Z", 60, "UTC", null, [], "2026-03-06T11:00:00Z"],
  [
    "Friday evening in Paris runs over the week-end to Monday morning",
    "2026-03-06T16:30:00Z", // Fri 17:30 CET
    60,
    "Europe/Paris",
    weekdays("09:00", "18:00"),
    [],
    "2026-03-09T08:30:00Z", // Mon 09:30 CET
  ],
  [
    "before opening time the clock starts at opening",
    "2026-03-09T06:00:00Z", // Mon 07:00 CET
    30,
    "Europe/Paris",
    weekdays("09:00", "18:00"),
    [],
    "2026-03-09T08:30:00Z",
  ],
  [
    "a holiday (1 May, a Friday) does not count",
    "2026-04-30T15:00:00Z", // Thu 17:00 CEST
    120,
    "Europe/Paris",
    weekdays("09:00", "18:00"),
    ["2026-05-01"],
    "2026-05-04T08:00:00Z", // Mon 10:00 CEST
  ],
  [
    "Paris springs forward: Sunday opens at 09:00 summer time",
    "2026-03-28T15:00:00Z", // Sat 16:00 CET
    120,
    "Europe/Paris",
    everyDay("09:00", "17:00"),
    [],
    "2026-03-29T08:00:00Z", // Sun 10:00 CEST
  ],
  [
    "Paris falls back over the week-end: Monday opens at 09:00 winter time",
    "2026-10-24T14:00:00Z", // Sat 16:00 CEST
    120,
    "Europe/Paris",
    weekdays("09:00", "17:00"),
    [],
    "2026-10-26T10:00:00Z", // Mon 11:00 CET (summer time would say 09:00Z)
  ],
  [
    "New York falls back: the all-day Sunday has 25 hours",
    "2026-11-01T03:00:00Z", // Sat 23:00 EDT
    24 * 60,
    "America/New_York",
    everyDay("00:00", "24:00"),
    [],
    "2026-11-02T03:00:00Z", // Sun 22:00 EST: 24 real hours later
  ],
  [
    "New York falls back over a week-end of business hours",
    "2026-10-30T20:00:00Z", // Fri 16:00 EDT
    120,
    "America/New_York",
    weekdays("09:00", "17:00"),
    [],
    "2026-11-02T15:00:00Z", // Mon 10:00 EST
  ],
  [
    "New York springs forward inside the day's hours: the missing hour is not worked",
    "2026-03-08T06:30:00Z", // Sun 01:30 EST
    60,
    "America/New_York",
    [{ day: 7, from: "01:00", to: "05:00" }],
    [],
    "2026-03-08T07:30:00Z", // 03:30 EDT
  ],
  [
    "24/7 with a holiday skips the whole local day",
    "2026-12-24T23:00:00Z",
    120,
    "UTC",
    null,
    ["2026-12-25"],
    "2026-12-26T01:00:00Z",
  ],
  [
    "a lunch break splits the day",
    "2026-03-09T11:00:00Z",
    120,
    "UTC",
    [
      { day: 1, from: "09:00", to: "12:00" },
      { day: 1, from: "14:00", to: "18:00" },
    ],
    [],
    "2026-03-09T15:00:00Z",
  ],
];

describe("business-hours maths", () => {
  it.each(cases)("%s", async (_name, start, minutes, zone, hours, holidays, due) => {
    const { rows } = await superuser.query<{ due: Date | null }>(
      "select tickets_private.sla_add_business_minutes($1, $2, $3, $4, $5::date[]) as due",
      [start, minutes, zone, hours === null ? null : JSON.stringify(hours), holidays],
    );
    expect(rows[0]?.due?.toISOString()).toBe(new Date(due).toISOString());
  });
});
