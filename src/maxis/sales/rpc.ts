/**
 * The dashboard's sales page (`sales_summary`, supabase/migrations/20261202060000_sales.sql): one call,
 * as the signed-in admin, under RLS. Amounts are integer cents in their own currency; dates are UTC days.
 */

import type { SalesSummary } from "../../shared/contracts/sales";
import { ok, type Result } from "../../shared/result";
import type { RpcClient } from "../supabase/client";
import { codeRefusal, rpcCaller } from "../supabase/rpc-result";

export const SALES_ERROR_CODES = ["guild_required", "admin_only", "invalid_days"] as const;
export type SalesErrorCode = (typeof SALES_ERROR_CODES)[number];
export const isSalesErrorCode = (value: string): value is SalesErrorCode =>
  (SALES_ERROR_CODES as readonly string[]).includes(value);

interface Row {
  days: number;
  since: string;
  until: string;
  daily: {
    date: string;
    currency: string;
    plan_id: string;
    promotion_id: number | null;
    payments: number;
    paid_cents: number;
    refunded_cents: number;
    disputed_cents: number;
    failed_payments: number;
  }[];
  active: SalesSummary["active"];
  failed: {
    at: string;
    user_id: string;
    plan_id: string;
    amount_cents: number;
    currency: string;
    status: "active" | "grace" | "ended";
    grace_until: string | null;
  }[];
  checkouts: number;
  recent_checkouts: {
    at: string;
    user_id: string;
    plan_id: string;
    promotion_id: number | string | null;
    amount_cents: number;
    currency: string;
    mode: "subscription" | "payment";
    session_id: string;
  }[];
  plans: { id: string; key: string; name: string; name_fr: string; duration: string }[];
  promotions: { id: number; plan_id: string; percent: number; starts_at: string; ends_at: string }[];
}

const idOrNull = (value: number | string | null) => (value === null ? null : Number(value));

const call = rpcCaller(codeRefusal(SALES_ERROR_CODES, true));

export async function readSalesSummary(
  client: RpcClient,
  days: number,
): Promise<Result<SalesSummary, { code: SalesErrorCode }>> {
  const result = await call<Row>(client, "sales_summary", { p_days: days });
  return result.ok ? ok(toSummary(result.value)) : result;
}

function toSummary(row: Row): SalesSummary {
  return {
    days: row.days,
    since: row.since,
    until: row.until,
    daily: row.daily.map((d) => ({
      date: d.date,
      currency: d.currency,
      planId: d.plan_id,
      promotionId: idOrNull(d.promotion_id),
      payments: Number(d.payments),
      paidCents: Number(d.paid_cents),
      refundedCents: Number(d.refunded_cents),
      disputedCents: Number(d.disputed_cents),
      failedPayments: Number(d.failed_payments),
    })),
    active: row.active,
    failed: row.failed.map((f) => ({
      at: f.at,
      userId: f.user_id,
      planId: f.plan_id,
      amountCents: f.amount_cents,
      currency: f.currency,
      status: f.status,
      graceUntil: f.grace_until,
    })),
    checkouts: Number(row.checkouts),
    recentCheckouts: row.recent_checkouts.map((c) => ({
      at: c.at,
      userId: c.user_id,
      planId: c.plan_id,
      promotionId: idOrNull(c.promotion_id),
      amountCents: c.amount_cents,
      currency: c.currency,
      mode: c.mode,
      sessionId: c.session_id,
    })),
    plans: row.plans.map((p) => ({
      id: p.id,
      key: p.key,
      name: p.name,
      nameFr: p.name_fr,
      duration: p.duration,
    })),
    promotions: row.promotions.map((p) => ({
      id: Number(p.id),
      planId: p.plan_id,
      percent: p.percent,
      startsAt: p.starts_at,
      endsAt: p.ends_at,
    })),
  };
}
