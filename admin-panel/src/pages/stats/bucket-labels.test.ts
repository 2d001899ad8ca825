import { describe, expect, it } from "vitest";
import { twoLines } from "../../components/chart";
import { bucketLabels } from "./bucket-labels";

describe("stats bucket labels", () => {
  const bounds = [900, 3600, 4 * 3600, 86_400, 3 * 86_400, null];

  it("writes a shared unit once", () => {
    expect(bucketLabels(bounds, "en")).toEqual([
      "< 15 min",
      "15 min–1 h",
      "1–4 h",
      "4 h–1 d",
      "1–3 d",
      "> 3 d",
    ]);
    expect(bucketLabels(bounds, "fr")).toEqual([
      "< 15 min",
      "15 min–1 h",
      "1–4 h",
      "4 h–1 j",
      "1–3 j",
      "> 3 j",
    ]);
  });

  it("keeps both ends whole when they have more than one part", () => {
    expect(bucketLabels([5400, 9000], "en")).toEqual(["< 1 h 30 min", "1 h 30 min–2 h 30 min"]);
  });
});

describe("bucket labels under a narrow chart", () => {
  it("break after the dash, or before the unit, and leave short ones whole", () => {
    expect(twoLines("15 min–1 h")).toBe("15 min–\n1 h");
    expect(twoLines("< 15 min")).toBe("< 15\nmin");
    expect(twoLines("> 3 d")).toBe("> 3 d");
  });
});
