/**
 * Pure: the sales page's figures from `GET /api/v1/sales` (one row per day, plan, promotion and
 * currency): totals, the series the charts draw and the tables, for one currency at a time (cents
 * of different currencies never add up).
 */
import type { SalesDay, SalesSummary } from "../../src/shared/contracts/sales";

export interface SalesTotals {
  paidCents: number;
  refundedCents: number;
  disputedCents: number;
  netCents: number;
  payments: number;
  failedPayments: number;
}

/** The currencies sold in, the one with the most paid first. */
export function currenciesOf(summary: SalesSummary): string[] {
  const paid = new Map<string, number>();
  for (const day of summary.daily) paid.set(day.currency, (paid.get(day.currency) ?? 0) + day.paidCents);
  return [...paid].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([currency]) => currency);
}

export function totalsOf(summary: SalesSummary, currency: string): SalesTotals {
  const totals = {
    paidCents: 0,
    refundedCents: 0,
    disputedCents: 0,
    netCents: 0,
    payments: 0,
    failedPayments: 0,
  };
  for (const day of summary.daily) {
    if (day.currency !== currency) continue;
    totals.paidCents += day.paidCents;
    totals.refundedCents += day.refundedCents;
    totals.disputedCents += day.disputedCents;
    totals.payments += day.payments;
    totals.failedPayments += day.failedPayments;
  }
  totals.netCents = totals.paidCents - totals.refundedCents - totals.disputedCents;
  return totals;
}

/** Every UTC day of the period, oldest first (`YYYY-MM-DD`), days without sales included. */
export function periodDays(summary: Pick<SalesSummary, "since" | "days">): string[] {
  const start = Date.parse(summary.since);
  return Array.from({ length: summary.days }, (_, i) =>
    new Date(start + i * 86_400_000).toISOString().slice(0, 10),
  );
}

export type Grouping = "plan" | "promotion";
/** A promotion's group key; `none` for sales at the list price. */
const groupKey = (day: SalesDay, by: Grouping) =>
  by === "plan" ? day.planId : day.promotionId === null ? "none" : String(day.promotionId);

export interface SalesGroup {
  key: string;
  payments: number;
  paidCents: number;
  refundedCents: number;
  /** Paid per day of `periodDays`, in cents. */
  daily: number[];
}

/** Sales of one currency grouped by plan or by promotion, the best-selling first. */
export function groupSales(summary: SalesSummary, currency: string, by: Grouping): SalesGroup[] {
  const days = periodDays(summary);
  const index = new Map(days.map((day, i) => [day, i]));
  const groups = new Map<string, SalesGroup>();
  for (const day of summary.daily) {
    if (day.currency !== currency) continue;
    const key = groupKey(day, by);
    const group = groups.get(key) ?? {
      key,
      payments: 0,
      paidCents: 0,
      refundedCents: 0,
      daily: days.map(() => 0),
    };
    group.payments += day.payments;
    group.paidCents += day.paidCents;
    group.refundedCents += day.refundedCents;
    const at = index.get(day.date);
    if (at !== undefined) group.daily[at] = (group.daily[at] ?? 0) + day.paidCents;
    groups.set(key, group);
  }
  return [...groups.values()].sort((a, b) => b.paidCents - a.paidCents || a.key.localeCompare(b.key));
}

/** How many checkouts opened became a payment, in percent (null when none was opened). */
export function conversionPercent(checkouts: number, payments: number): number | null {
  return checkouts > 0 ? Math.min(100, Math.round((payments / checkouts) * 100)) : null;
}
