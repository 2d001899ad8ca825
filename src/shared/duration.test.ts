import { describe, expect, it } from "vitest";
import { parseDuration } from "./duration";

describe("parseDuration", () => {
  it("reads the durations operators type", () => {
    expect(parseDuration("48h")).toBe(48 * 3600);
    expect(parseDuration("30m")).toBe(1800);
    expect(parseDuration("90min")).toBe(5400);
    expect(parseDuration("2d")).toBe(2 * 86400);
    expect(parseDuration("3j")).toBe(3 * 86400);
    expect(parseDuration("1d 12h")).toBe(36 * 3600);
    expect(parseDuration(" 1W ")).toBe(7 * 86400);
  });

  it("refuses anything else", () => {
    for (const text of ["", "48", "h", "-1h", "1.5h", "0h", "1y", "tomorrow", "1h30"]) {
      expect(parseDuration(text), text).toBeNull();
    }
  });
});
