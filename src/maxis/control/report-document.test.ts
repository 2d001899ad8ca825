import { describe, expect, it } from "vitest";
import { healthyStatus, weekAnalytics } from "../../shared/control/fixtures.test-support";
import { translatorFor } from "../../shared/i18n";
import type { AuditRecord } from "./audit";
import { buildReport } from "./report-document";

const status = healthyStatus;
const analytics = weekAnalytics;

describe("buildReport", () => {
  it("puts the same facts in the embed and the Markdown file, and names what is not available", () => {
    const report = buildReport(
      { t: translatorFor("en"), locale: "en" },
      { status, analytics, recent: [], refused: [] },
    );
    expect(report.filename).toBe("maxis-report-2026-11-24.md");
    expect(report.embed.fields.map((f) => f.name)).toEqual([
      "Health",
      "Activity over 7d",
      "Recent control calls",
      "Refused calls (bad or missing signature)",
    ]);
    expect(report.embed.fields[1]?.value).toBe(
      "Tickets: 5 opened, 3 closed, 2 open now\nGiveaways: not available\nPromotions: 2 run on 1 plan, 1 live now",
    );
    expect(report.markdown).toContain(
      "## Activity over 7d\n\n- Tickets: 5 opened, 3 closed, 2 open now\n- Giveaways: not available",
    );
    expect(report.markdown).toContain("- Database: reachable (4 ms)");
    expect(report.markdown).toContain("## Recent control calls\n\n- None recorded.");
  });

  it("is written in French for a French operator", () => {
    const report = buildReport(
      { t: translatorFor("fr"), locale: "fr" },
      { status, analytics, recent: null, refused: null },
    );
    expect(report.embed.title).toBe("Rapport Maxis");
    expect(report.markdown).toContain("- Les concours : non disponible");
    expect(report.markdown).toContain("- Tickets : 5 ouverts, 3 fermés, 2 ouverts maintenant");
    expect(report.markdown).toContain("Promotions : 2 sur 1 offre, 1 en cours");
  });

  it("names people and writes times for the reader: Discord timestamps in the embed, spelled out in the file", () => {
    const report = buildReport(
      { t: translatorFor("fr"), locale: "fr" },
      {
        status: {
          ...status,
          lastRestart: { at: "2026-11-24T09:30:00.000Z", by: "1300000000000000333", byName: "sam.admin" },
          maintenance: {
            on: true,
            since: "2026-11-24T11:00:00.000Z",
            by: "1300000000000000333",
            byName: "sam.admin",
          },
        },
        analytics,
        recent: null,
        refused: null,
      },
    );
    expect(report.markdown).toContain(
      "Version 1.0.0, démarrage boot-1, période 7d (17 nov. 2026, 12:00 UTC → 24 nov. 2026, 12:00 UTC).",
    );
    expect(report.markdown).toContain(
      "- Maintenance : activée depuis le 24 nov. 2026, 11:00 UTC, par sam.admin",
    );
    expect(report.markdown).toContain("- Dernier redémarrage : le 24 nov. 2026, 09:30 UTC, par sam.admin");
    expect(report.markdown).not.toContain("1300000000000000333");
    const since = Date.parse("2026-11-24T11:00:00.000Z") / 1000;
    expect(report.embed.fields[0]?.value).toContain(
      `Maintenance : activée depuis le <t:${since}:f>, par sam.admin`,
    );
  });
});

describe("buildReport with text that came from requests", () => {
  // What the attack run left in the trail: a refused call's claimed key id and a crafted path,
  // stored before refused calls stopped keeping request text. Shown as plain, unclickable text.
  const malicious: AuditRecord = {
    at: "2026-11-24T11:00:00.000Z",
    keyId: null,
    claimedKeyId: "[Key rotation required: click](https://evil.example/k)",
    operatorId: null,
    operatorName: "@everyone **urgent** <@&123>",
    action: "[open](https://evil.example/p)",
    outcome: "refused",
    code: "unknown_key",
  };

  it("shows no masked link, bare link, mention or formatting in the embed or the file", () => {
    const report = buildReport(
      { t: translatorFor("en"), locale: "en" },
      {
        status,
        analytics,
        recent: [malicious],
        refused: [{ code: "unknown_key", keyId: null, count: 200, lastAt: "2026-11-24T11:00:03.000Z" }],
      },
    );
    const field = report.embed.fields[2]?.value ?? "";
    for (const text of [field, report.markdown]) {
      expect(text).not.toMatch(/(?<!\\)\[[^\]]*(?<!\\)\]\(/); // no unescaped [text](
      expect(text).not.toContain("https://");
      expect(text).not.toMatch(/(?<!\\)@everyone/);
      expect(text).not.toMatch(/(?<!\\)<@/);
      expect(text).not.toMatch(/(?<!\\)\*\*urgent/);
      expect(text).toContain("\\[Key rotation required: click\\](https\\://evil.example/k)");
    }
    expect(report.embed.fields[3]).toEqual({
      name: "Refused calls (bad or missing signature)",
      value: `unknown\\_key: 200 (last <t:${Date.parse("2026-11-24T11:00:03.000Z") / 1000}:f>)`,
    });
    expect(report.markdown).toContain(
      "## Refused calls (bad or missing signature)\n\n- unknown\\_key: 200 (last Nov 24, 2026, 11:00 AM UTC)",
    );
  });

  it("says so when the refused calls could not be read, in French too", () => {
    const report = buildReport(
      { t: translatorFor("fr"), locale: "fr" },
      { status, analytics, recent: [], refused: null },
    );
    expect(report.embed.fields[3]?.value).toBe("Illisible : la base de données n'a pas répondu.");
  });
});
