import { describe, expect, it } from "vitest";
import { validatePromotionInput } from "./promotion";

const valid = { guildId: "1300000000000000010", planKey: "pro", percent: 20, durationSeconds: 48 * 3600 };

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
    expect(validatePromotionInput({ ...valid, planKey: "pro; drop table" })?.code).toBe("unknown_plan");
    expect(validatePromotionInput({ ...valid, planKey: "" })?.code).toBe("unknown_plan");
  });

  it("refuses a server that is not a Discord id", () => {
    for (const guildId of ["", "abc", "12", "1300000000000000010; --"]) {
      expect(validatePromotionInput({ ...valid, guildId })?.code, guildId).toBe("invalid_server");
    }
  });
});
