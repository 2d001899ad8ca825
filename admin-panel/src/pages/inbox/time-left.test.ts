import { describe, expect, it } from "vitest";
import { timeLeft } from "./time-left";

describe("time left on a ticket", () => {
  const now = Date.parse("2026-03-09T10:00:00Z");
  it("counts down to the due time, amber in the last hour, red once overdue", () => {
    expect(timeLeft({ target: "first_response", dueAt: "2026-03-09T12:00:00Z" }, now)).toEqual({
      seconds: 7200,
      state: "ok",
    });
    expect(timeLeft({ target: "resolution", dueAt: "2026-03-09T10:30:00Z" }, now).state).toBe("soon");
    expect(timeLeft({ target: "resolution", dueAt: "2026-03-09T09:00:00Z" }, now)).toEqual({
      seconds: -3600,
      state: "overdue",
    });
  });
});
