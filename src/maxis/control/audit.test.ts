import { describe, expect, it } from "vitest";
import { auditCode } from "./audit";

describe("auditCode", () => {
  it("keeps Maxis's own codes and makes others storable", () => {
    expect(auditCode("invalid_end_time")).toBe("invalid_end_time");
    expect(auditCode("22023")).toBe("e_22023");
    expect(auditCode("PGRST202")).toBe("pgrst202");
    expect(auditCode("discord-failed")).toBe("discord_failed");
    expect(auditCode("x".repeat(80))).toHaveLength(64);
  });
});
