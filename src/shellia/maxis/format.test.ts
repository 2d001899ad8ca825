import { describe, expect, it } from "vitest";
import type { PromoResult, StatusResult } from "../../shared/control/protocol";
import { translatorFor } from "../../shared/i18n";
import type { MaxisTarget } from "../control-client";
import { formatGiveaway, formatMoney, formatPromo, formatRestart, formatStatus, problem } from "./format";

const target: MaxisTarget = {
  name: "maxis",
  key: { keyId: "k1", secret: "x".repeat(32) },
  origin: "https://maxis.internal",
  send: async () => new Response(),
};
const en = translatorFor("en");
const fr = translatorFor("fr");

const status: StatusResult = {
  version: "1.2.3",
  bootId: "0123456789abcdef",
  bootedAt: "2026-11-24T10:00:00.000Z",
  lastRestart: null,
  maintenance: { on: true, since: "2026-11-24T11:00:00.000Z", by: "1300000000000000042" },
  database: { reachable: false, latencyMs: null },
  openTickets: { ok: true, value: 3 },
  runningGiveaways: { ok: false, error: "not_available" },
  livePromotions: { ok: false, error: "unreachable" },
};

describe("formatStatus", () => {
  it("shows every part, and says which ones could not be read and why", () => {
    expect(formatStatus(en, target, status, 7).split("\n")).toEqual([
      `**maxis** is up · version 1.2.3 · boot \`01234567\` since <t:${Date.parse(status.bootedAt) / 1000}:R> · answered in 7 ms`,
      "Never restarted since it was deployed",
      `🛠 Maintenance **on** since <t:${Date.parse("2026-11-24T11:00:00.000Z") / 1000}:R> (by <@1300000000000000042>)`,
      "⚠ Database **unreachable**",
      "Open tickets: 3 · running giveaways: not available yet · live promotions: unreadable",
    ]);
  });
});

describe("problem", () => {
  it("tells a refused signature from a timeout, an outage and a crash, in both languages", () => {
    expect(problem(en, target, { kind: "refused", code: "stale_timestamp" })).toContain(
      "refused Shellia's signature (stale_timestamp)",
    );
    expect(problem(en, target, { kind: "timeout", ms: 2000 })).toContain("did not answer within 2 s");
    expect(problem(fr, target, { kind: "unreachable", cause: "refused" })).toBe(
      "**maxis** est hors ligne ou injoignable (connexion refusée). Rien n'a été exécuté.",
    );
    expect(problem(en, target, { kind: "unreachable", cause: "dns" })).toBe(
      "**maxis** is down or unreachable (its address could not be found). Nothing ran.",
    );
    expect(problem(en, target, { kind: "failing", status: 502 })).toBe(
      "**maxis** answered with HTTP 502 instead of a control answer: it is failing.",
    );
  });
});

describe("formatRestart and formatMoney", () => {
  it("says when the command sync failed instead of pretending it worked", () => {
    expect(
      formatRestart(en, target, {
        bootId: "bbbbbbbb-1",
        previousBootId: "aaaaaaaa-1",
        restartedAt: "2026-11-24T10:00:00.000Z",
        commandsSynced: null,
        syncError: "Discord refused the command sync: HTTP 429",
      }),
    ).toBe("**maxis** restarted: boot `aaaaaaaa` → `bbbbbbbb`. Discord refused the command sync: HTTP 429");
  });

  it("formats cents per locale", () => {
    expect(formatMoney(1299, "EUR", "en")).toBe("€12.99");
    expect(formatMoney(1299, "EUR", "fr")).toMatch(/^12,99\s€$/);
  });
});

describe("text that came from a request", () => {
  it("shows a prize as typed, with no link, mention or formatting", () => {
    const line = formatGiveaway(en, target, {
      id: "g1",
      prize: "[Free Nitro](https://evil.example) @everyone **now**",
      channelId: "1300000000000000777",
      messageId: "1300000000000000778",
      winners: 1,
      endsAt: 1_800_000_000_000,
    });
    expect(line).toBe(
      "Giveaway `g1` started on **maxis** in <#1300000000000000777>: **\\[Free Nitro\\](https\\://evil.example) \\@everyone \\*\\*now\\*\\***, 1 winner, draw <t:1800000000:R>.",
    );
  });

  it("puts only ids in mentions and only Maxis's own codes in a refusal", () => {
    const odd = { ...status, maintenance: { on: true, since: null, by: "[x](https://evil.example)" } };
    expect(formatStatus(en, target, odd, 1)).toContain("(by <@0>)");
    expect(problem(en, target, { kind: "refused", code: "[x](https://evil.example)" })).toContain(
      "refused Shellia's signature (unauthorized)",
    );
  });
});

describe("formatPromo", () => {
  const promo: PromoResult = {
    id: 7,
    guildId: "1300000000000000010",
    guildName: "Local server",
    planName: "Premium",
    percent: 90,
    priceCents: 2999,
    promotedCents: 1999,
    currency: "EUR",
    endsAt: "2026-11-26T12:00:00.000Z",
  };

  it("says when the plan's floor price holds the discount below the percent asked", () => {
    expect(formatPromo(en, "en", target, promo)).toBe(
      "Promotion #7 started on **maxis** in Local server: **Premium** €29.99 → €19.99 until <t:1795694400:f>. The plan's floor price holds the discount at −33 % instead of the −90 % asked.",
    );
    expect(formatPromo(fr, "fr", target, promo).replace(/[\u00a0\u202f]/g, " ")).toContain(
      "Le prix plancher de l'offre limite la remise à −33 % au lieu des −90 % demandés.",
    );
  });

  it("shows the percent asked when the prices give it", () => {
    expect(formatPromo(en, "en", target, { ...promo, percent: 20, promotedCents: 2399 })).toContain(
      "**Premium** −20 % (€29.99 → €23.99)",
    );
  });
});
