import type { RevenueFigures } from "../../../shared/control/protocol";
import type { RpcClient } from "../../supabase/client";
import { figureFromPostgrest } from "./figures";

interface RevenueRow {
  guild_id: string;
  paid_cents: number;
  refunded_cents: number;
  payments: number;
  failed_payments: number;
  disputes: number;
  currency: string | null;
  active_subscriptions: number;
  by_plan: { plan_key: string | null; promotion_id: number | null; payments: number; paid_cents: number }[];
}

/**
 * One server's payments in [since, until) (server_revenue_figures): a Maxis sells in several servers,
 * and each server's figures are its own.
 */
export async function readRevenue(
  supabase: RpcClient,
  server: { id: string; name: string | null },
  since: Date,
  until: Date,
): Promise<RevenueFigures> {
  const { data, error } = await supabase.rpc("server_revenue_figures", {
    p_guild_id: server.id,
    p_since: since.toISOString(),
    p_until: until.toISOString(),
  });
  if (error) throw figureFromPostgrest(error);
  const row = data as RevenueRow;
  return {
    guildId: row.guild_id,
    guildName: server.name,
    paidCents: Number(row.paid_cents),
    refundedCents: Number(row.refunded_cents),
    payments: row.payments,
    failedPayments: row.failed_payments,
    disputes: row.disputes,
    currency: row.currency,
    activeSubscriptions: row.active_subscriptions,
    byPlan: row.by_plan.map((plan) => ({
      // The key admins and operators type (`pro`), not the plan's internal id.
      planId: plan.plan_key,
      promotionId: plan.promotion_id,
      payments: plan.payments,
      paidCents: Number(plan.paid_cents),
    })),
  };
}
