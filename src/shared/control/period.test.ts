import { describe, expect, it } from "vitest";
import { parsePeriod } from "./period";

describe("parsePeriod", () => {
  it("defaults to 7 days", () => {
    expect(parsePeriod(undefined)).toEqual({ label: "7d", seconds: 604_800 });
  });

  it.each([
    ["24h", 86_400],
    ["30D", 2_592_000],
    ["2w", 1_209_600],
    ["1h", 3_600],
    ["366d", 31_622_400],
    // As French operators type them, and with spaces.
    ["7j", 604_800],
    ["7 j", 604_800],
    ["2 h", 7_200],
    ["1j12h", 129_600],
  ])("reads %s", (text, seconds) => {
    expect(parsePeriod(text)?.seconds).toBe(seconds);
  });

  it("labels a period in the grammar Maxis reads back", () => {
    expect(parsePeriod("7 j")?.label).toBe("7d");
    expect(parsePeriod("36h")?.label).toBe("1d12h");
  });

  it.each(["", "0h", "367d", "7", "7 days", "1y", "-1d", "30 min"])("refuses %j", (text) => {
    expect(parsePeriod(text)).toBeNull();
  });
});
