import { describe, expect, it } from "vitest";
import { compliancePercent } from "./sla-report-data";

describe("SLA compliance", () => {
  it("is the share of decided targets met; running ones do not count yet", () => {
    expect(compliancePercent({ met: 3, breached: 1, running: 10 })).toBe(75);
    expect(compliancePercent({ met: 0, breached: 0, running: 2 })).toBeNull();
  });
});
