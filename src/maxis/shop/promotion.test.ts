import { describe, expect, it } from "vitest";
import { validatePromotionInput } from "./promotion";

const valid = { planId: "pro", percent: 20, durationSeconds: 48 * 3600 };

describe("validatePromotionInput", () => {
  it("accepts 1–90 % for 1 hour to 30 days", () => {
    expect(validatePromotionInput(valid)).toBeNull();
    expect(validatePromotionInput({ ...valid, percent: 1, durationSeconds: 3600 })).toBeNull();
    expect(validatePromotionInput({ ...valid, percent: 90, durationSeconds: 30 * 86400 })).toBeNull();
  });

  it("refuses 0 %, 95 % and fractions", () => {
    for (const percent of [0, 95, 91, 12.5, -10]) {
      expect(validatePromotionInput({ ...valid, percent })?.code, String(percent)).toBe("invalid_percent");
    }
  });

  it("refuses durations under an hour or over 30 days", () => {
    expect(validatePromotionInput({ ...valid, durationSeconds: 3599 })?.code).toBe("invalid_duration");
    expect(validatePromotionInput({ ...valid, durationSeconds: 30 * 86400 + 1 })?.code).toBe(
      "invalid_duration",
    );
  });

  it("refuses plan names no plan can have", () => {
    expect(validatePromotionInput({ ...valid, planId: "pro; drop table" })?.code).toBe("unknown_plan");
    expect(validatePromotionInput({ ...valid, planId: "" })?.code).toBe("unknown_plan");
  });
});
