import { describe, expect, it } from "vitest";
import { effectivePercent } from "./discount";

describe("effectivePercent", () => {
  it("is the asked percent when no floor price stops it", () => {
    expect(effectivePercent(1299, 1039)).toBe(20);
    expect(effectivePercent(1000, 100)).toBe(90);
  });

  it("is what the floor price leaves of a larger asked discount", () => {
    // 90 % asked on €29.99 with a €19.99 floor: the member saves a third.
    expect(effectivePercent(2999, 1999)).toBe(33);
  });

  it("is 0 when the price does not fall (or there is no price)", () => {
    expect(effectivePercent(1999, 1999)).toBe(0);
    expect(effectivePercent(0, 0)).toBe(0);
  });
});
