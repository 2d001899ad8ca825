/**
 * The admins' sales page as `GET /api/v1/sales?days=` answers it (`sales_summary`,
 * supabase/migrations/20261202060000_sales.sql). Amounts are integer cents in their own currency;
 * dates are UTC days. Types and constants only.
 */

/** The periods the page offers, in days; the function accepts 1 to 366. */
export const SALES_PERIODS = [7, 30, 90, 365] as const;

/** Money of one UTC day, one plan, one promotion (null: none) and one currency. */
export interface SalesDay {
  date: string;
  currency: string;
  planId: string;
  promotionId: number | null;
  payments: number;
  paidCents: number;
  refundedCents: number;
  disputedCents: number;
  failedPayments: number;
}

export interface SalesSummary {
  days: number;
  since: string;
  until: string;
  daily: SalesDay[];
  /** Entitlements running now: renewing subscriptions, in grace after a failed payment, paid once, from Discord. */
  active: { subscriptions: number; grace: number; lifetime: number; discord: number };
  failed: {
    at: string;
    userId: string;
    planId: string;
    amountCents: number;
    currency: string;
    status: "active" | "grace" | "ended";
    graceUntil: string | null;
  }[];
  checkouts: number;
  recentCheckouts: {
    at: string;
    userId: string;
    planId: string;
    promotionId: number | null;
    amountCents: number;
    currency: string;
    mode: "subscription" | "payment";
    sessionId: string;
  }[];
  plans: { id: string; key: string; name: string; nameFr: string; duration: string }[];
  promotions: { id: number; planId: string; percent: number; startsAt: string; endsAt: string }[];
}
