import { describe, expect, it } from "vitest";
import { activeMs, type CpuProfile, selfTimes } from "./cpu-profile";

const frame = (functionName: string) => ({ functionName, url: "", lineNumber: 0, columnNumber: 0 });
const profile: CpuProfile = {
  nodes: [
    { id: 1, callFrame: frame("(root)") },
    { id: 2, callFrame: frame("(idle)") },
    {
      id: 3,
      callFrame: { functionName: "verify", url: "file:///b/index.js", lineNumber: 9, columnNumber: 4 },
    },
  ],
  samples: [3, 2, 3, 3],
  // The delta before each sample; a sample's own duration is the delta after it.
  timeDeltas: [0, 1000, 500, 2000, 250],
};

describe("cpu profiles", () => {
  it("counts every sample but the idle ones as active time", () => {
    expect(activeMs(profile)).toBe(1 + 2 + 0.25);
  });

  it("sums self time per function, heaviest first", () => {
    expect(selfTimes(profile)).toEqual([
      { frame: "verify index.js:10:5", ms: 3.25 },
      { frame: "(idle)", ms: 0.5 },
    ]);
  });
});
