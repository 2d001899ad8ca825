/**
 * The report's recent control calls say how each went in the operator's language: a French report
 * once read "report · pending" and "status · accepted (ok)".
 */
import { describe, expect, it } from "vitest";
import {
  weekAnalytics as analytics,
  healthyStatus as status,
} from "../../shared/control/fixtures.test-support";
import { translatorFor } from "../../shared/i18n";
import type { AuditRecord } from "./audit";
import { buildReport } from "./report-document";

const call = (outcome: AuditRecord["outcome"], code: string, action: string): AuditRecord => ({
  at: "2026-11-24T11:00:00.000Z",
  keyId: "local",
  claimedKeyId: null,
  operatorId: "1300000000000000333",
  operatorName: "sam",
  action,
  outcome,
  code,
});
const recent = [
  call("pending", "pending", "report"),
  call("accepted", "ok", "status"),
  call("failed", "db", "promo"),
];

const callsIn = (locale: "en" | "fr") =>
  buildReport({ t: translatorFor(locale), locale }, { status, analytics, recent, refused: [] }).embed
    .fields[2]?.value;

describe("buildReport: recent control calls", () => {
  it("says how each went in French", () => {
    const lines = callsIn("fr")?.split("\n") ?? [];
    expect(lines.map((l) => l.split(" · ").slice(1, 3))).toEqual([
      ["report", "en cours"],
      ["status", "accepté (ok)"],
      ["promo", "échoué (db)"],
    ]);
  });

  it("and in English", () => {
    const lines = callsIn("en")?.split("\n") ?? [];
    expect(lines.map((l) => l.split(" · ")[2])).toEqual(["pending", "accepted (ok)", "failed (db)"]);
  });
});
