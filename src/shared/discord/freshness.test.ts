import { describe, expect, it } from "vitest";
import { INTERACTION_WINDOW_SECONDS, isFreshTimestamp } from "./freshness";

describe("isFreshTimestamp", () => {
  const now = 1_795_000_000;

  it("accepts a timestamp up to five minutes away, either way", () => {
    expect(INTERACTION_WINDOW_SECONDS).toBe(300);
    for (const offset of [0, -300, 300, -1, 1])
      expect(isFreshTimestamp(String(now + offset), now)).toBe(true);
  });

  it("refuses anything further, the year 2000 included", () => {
    for (const timestamp of [now - 301, now + 301, 946_684_800, now + 3600]) {
      expect(isFreshTimestamp(String(timestamp), now)).toBe(false);
    }
  });

  it("refuses what is not Unix seconds", () => {
    for (const timestamp of ["", "abc", "1795000000.5", "-1795000000", " 1795000000", "1795000000000000"]) {
      expect(isFreshTimestamp(timestamp, now), timestamp).toBe(false);
    }
  });
});
