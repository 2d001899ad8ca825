import type { RevenueFigures } from "../../../shared/control/protocol";
import type { RpcClient } from "../../supabase/client";
import { figureFromPostgrest } from "./figures";

interface RevenueRow {
  paid_cents: number;
  refunded_cents: number;
  payments: number;
  failed_payments: number;
  disputes: number;
  currency: string | null;
  active_subscriptions: number;
  by_plan: { plan_id: string | null; promotion_id: number | null; payments: number; paid_cents: number }[];
}

/** Payments in [since, until), from the Stripe events the webhook stored (revenue_figures). */
export async function readRevenue(supabase: RpcClient, since: Date, until: Date): Promise<RevenueFigures> {
  const { data, error } = await supabase.rpc("revenue_figures", {
    p_since: since.toISOString(),
    p_until: until.toISOString(),
  });
  if (error) throw figureFromPostgrest(error);
  const row = data as RevenueRow;
  return {
    paidCents: Number(row.paid_cents),
    refundedCents: Number(row.refunded_cents),
    payments: row.payments,
    failedPayments: row.failed_payments,
    disputes: row.disputes,
    currency: row.currency,
    activeSubscriptions: row.active_subscriptions,
    byPlan: row.by_plan.map((plan) => ({
      planId: plan.plan_id,
      promotionId: plan.promotion_id,
      payments: plan.payments,
      paidCents: Number(plan.paid_cents),
    })),
  };
}
