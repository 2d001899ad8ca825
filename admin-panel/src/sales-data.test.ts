import { describe, expect, it } from "vitest";
import type { SalesDay, SalesSummary } from "../../src/shared/contracts/sales";
import { conversionPercent, currenciesOf, groupSales, periodDays, totalsOf } from "./sales-data";

const day = (
  date: string,
  planId: string,
  promotionId: number | null,
  paidCents: number,
  extra: Partial<SalesDay> = {},
): SalesDay => ({
  date,
  currency: "EUR",
  planId,
  promotionId,
  payments: paidCents > 0 ? 1 : 0,
  paidCents,
  refundedCents: 0,
  disputedCents: 0,
  failedPayments: 0,
  ...extra,
});

const summary = (daily: SalesDay[]): SalesSummary => ({
  days: 3,
  since: "2026-11-28T00:00:00Z",
  until: "2026-11-30T15:00:00Z",
  daily,
  active: { subscriptions: 0, grace: 0, lifetime: 0, discord: 0 },
  failed: [],
  checkouts: 0,
  recentCheckouts: [],
  plans: [],
  promotions: [],
});

describe("sales figures", () => {
  const s = summary([
    day("2026-11-28", "pro", 7, 1039),
    day("2026-11-30", "pro", null, 1299, { refundedCents: 1299 }),
    day("2026-11-30", "lifetime", null, 14900),
    day("2026-11-29", "other", null, 900, { currency: "USD", failedPayments: 2 }),
  ]);

  it("keeps currencies apart, the biggest first, and nets refunds out", () => {
    expect(currenciesOf(s)).toEqual(["EUR", "USD"]);
    expect(totalsOf(s, "EUR")).toEqual({
      paidCents: 1039 + 1299 + 14900,
      refundedCents: 1299,
      disputedCents: 0,
      netCents: 1039 + 14900,
      payments: 3,
      failedPayments: 0,
    });
    expect(totalsOf(s, "USD").failedPayments).toBe(2);
  });

  it("spreads each plan's and each promotion's sales over every day of the period", () => {
    expect(periodDays(s)).toEqual(["2026-11-28", "2026-11-29", "2026-11-30"]);
    expect(groupSales(s, "EUR", "plan")).toEqual([
      { key: "lifetime", payments: 1, paidCents: 14900, refundedCents: 0, daily: [0, 0, 14900] },
      { key: "pro", payments: 2, paidCents: 2338, refundedCents: 1299, daily: [1039, 0, 1299] },
    ]);
    expect(groupSales(s, "EUR", "promotion").map((g) => [g.key, g.daily])).toEqual([
      ["none", [0, 0, 16199]],
      ["7", [1039, 0, 0]],
    ]);
  });

  it("converts checkouts to payments in whole percent", () => {
    expect(conversionPercent(0, 0)).toBeNull();
    expect(conversionPercent(3, 2)).toBe(67);
  });
});
