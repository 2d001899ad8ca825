import { describe, expect, it } from "vitest";
import { formatDuration } from "./duration";

describe("formatDuration", () => {
  it("uses the two largest units", () => {
    expect(formatDuration(45, "en")).toBe("45 s");
    expect(formatDuration(59.6, "en")).toBe("1 min");
    expect(formatDuration(12 * 60 + 30, "en")).toBe("12 min");
    expect(formatDuration(3 * 3600 + 5 * 60, "en")).toBe("3 h 5 min");
    expect(formatDuration(2 * 3600, "en")).toBe("2 h");
    expect(formatDuration(2 * 86400 + 4 * 3600 + 59, "en")).toBe("2 d 4 h");
    expect(formatDuration(3 * 86400, "en")).toBe("3 d");
  });

  it("says days in French", () => {
    expect(formatDuration(2 * 86400 + 4 * 3600, "fr")).toBe("2 j 4 h");
  });

  it("never shows a negative duration", () => {
    expect(formatDuration(-5, "en")).toBe("0 s");
  });
});
