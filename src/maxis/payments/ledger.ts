/**
 * The entitlement ledger as the Worker calls it: one SQL function per operation, one transaction each,
 * as the payments identity (webhooks, scheduled pass) or as the member (/subscription, under RLS).
 */
import type { PlanDuration } from "../shop/types";
import type { SupabaseBindings, SupabaseIdentity } from "../supabase/client";
import { supabaseAs } from "../supabase/client";
import { rpcOrThrow } from "../supabase/rpc-result";
import type { DiscordEntitlementRecord } from "./discord-entitlements";
import { supabaseAsPayments } from "./payments-client";
import type { StripeFact } from "./stripe-facts";

export type EntitlementStatus = "active" | "grace" | "ended";

export interface LedgerEntitlement {
  plan_id: string;
  plan_name: string;
  /** Empty or absent: French readers see `plan_name`. */
  plan_name_fr?: string;
  source: "stripe" | "discord";
  status: EntitlementStatus;
  period_end: string | null;
  grace_until: string | null;
  ended_reason: string | null;
  amount_cents: number | null;
  currency: string | null;
  stripe_customer_id: string | null;
  /** Paid once (a lifetime plan): no renewal. */
  once?: boolean;
  /** How long one payment lasts (absent from rows read before it was listed). */
  duration?: PlanDuration;
}

export interface RoleChange {
  id: number;
  guild_id: string;
  user_id: string;
  role_id: string;
  action: "grant" | "revoke";
  reason: string;
  attempts: number;
}

export interface RoleTarget {
  guild_id: string;
  user_id: string;
  role_id: string;
  wanted: boolean;
}

/** As the payments identity: the answer, or it throws (`RpcError`). */
const call = async <T>(env: SupabaseBindings, fn: string, args?: Record<string, unknown>): Promise<T> =>
  rpcOrThrow<T>(await supabaseAsPayments(env), fn, args);

export interface RecordedStripeFact {
  duplicate: boolean;
  /** A subscription a full refund or a dispute ended that Stripe still bills: Maxis cancels it. */
  cancel_subscription: string | null;
}

export const recordStripeFact = (env: SupabaseBindings, fact: StripeFact) =>
  call<RecordedStripeFact>(env, "payments_record_stripe_event", { p_event: fact });

export const recordDiscordEntitlement = (env: SupabaseBindings, entitlement: DiscordEntitlementRecord) =>
  call<{ plan: string | null }>(env, "payments_record_discord_entitlement", { p_entitlement: entitlement });

export const expireEntitlements = (env: SupabaseBindings) => call<number>(env, "payments_expire");

export const claimRoleChanges = (env: SupabaseBindings, limit: number) =>
  call<RoleChange[]>(env, "payments_claim_role_changes", { p_limit: limit });

export const finishRoleChange = (env: SupabaseBindings, id: number, ok: boolean, error?: string) =>
  call<null>(env, "payments_finish_role_change", { p_id: id, p_ok: ok, p_error: error ?? null });

export const roleTargets = (env: SupabaseBindings, limit: number) =>
  call<RoleTarget[]>(env, "payments_role_targets", { p_limit: limit });

export const queueRepair = (env: SupabaseBindings, target: RoleTarget) =>
  call<boolean>(env, "payments_queue_repair", {
    p_guild_id: target.guild_id,
    p_user_id: target.user_id,
    p_role_id: target.role_id,
    p_wanted: target.wanted,
  });

/** The member's own entitlements in the server they are in (RLS). */
export async function myEntitlements(env: SupabaseBindings, identity: SupabaseIdentity) {
  return rpcOrThrow<LedgerEntitlement[]>(await supabaseAs(env, identity), "my_entitlements");
}

/** A Checkout Session Maxis opened, for the audit trail (who, plan, price, promotion, session). */
export interface CheckoutRecord {
  guild_id: string;
  user_id: string;
  plan_id: string;
  promotion_id: number | null;
  amount_cents: number;
  currency: string;
  mode: "subscription" | "payment";
  session_id: string;
  interaction_id: string;
}

/** Records a checkout; answers the member's earlier checkouts of the plan that may still be open. */
export const recordCheckout = (env: SupabaseBindings, checkout: CheckoutRecord) =>
  call<{ earlier_open: string[] }>(env, "payments_record_checkout", { p_checkout: checkout });

export interface CheckoutClosure {
  session_id: string;
  status: "expired" | "complete";
}

/** Checkouts seen closed at Stripe, so they are not expired again. */
export const recordCheckoutClosures = (env: SupabaseBindings, closures: readonly CheckoutClosure[]) =>
  call<null>(env, "payments_close_checkouts", { p_closures: closures });
