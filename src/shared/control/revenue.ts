import type { RevenueFigures } from "./protocol";

/**
 * The parameters of a revenue line, as both Workers word it (Shellia's `/maxis analytics` and Maxis's
 * report document): amounts written by `money` in the reader's language and the period's currency.
 */
export function revenueParams(revenue: RevenueFigures, money: (cents: number) => string) {
  return {
    paid: money(revenue.paidCents),
    payments: revenue.payments,
    refunded: money(revenue.refundedCents),
    refundedCents: revenue.refundedCents,
    failed: revenue.failedPayments,
    disputes: revenue.disputes,
    active: revenue.activeSubscriptions,
  };
}
