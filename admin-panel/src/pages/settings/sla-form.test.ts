import { describe, expect, it } from "vitest";
import { changesOf, daysFromSpans, draftOf, parseHolidays } from "./sla-form";

describe("the response-time settings form", () => {
  it("turns weekly spans into seven days and back", () => {
    const days = daysFromSpans([{ day: 1, from: "09:00", to: "17:00" }]);
    expect(days[0]).toEqual({ open: true, from: "09:00", to: "17:00" });
    expect(days[6]?.open).toBe(false);
  });

  it("sends 24/7 as no weekly hours and holidays as a list", () => {
    const draft = draftOf({
      enabled: true,
      timeZone: "Europe/Paris",
      weeklyHours: [{ day: 2, from: "08:00", to: "12:00" }],
      holidays: [],
      targets: {
        critical: { firstResponse: 60, resolution: 480 },
        high: { firstResponse: 240, resolution: 1440 },
        medium: { firstResponse: 480, resolution: 2880 },
        low: { firstResponse: null, resolution: null },
      },
      warnPercent: 80,
      onCallRoleId: " ",
    });
    expect(changesOf(draft)).toMatchObject({
      weeklyHours: [{ day: 2, from: "08:00", to: "12:00" }],
      onCallRoleId: null,
    });
    expect(changesOf({ ...draft, allDay: true }).weeklyHours).toBeNull();
    expect(parseHolidays("2026-12-25\n2026-01-01, ")).toEqual(["2026-12-25", "2026-01-01"]);
  });
});
