/**
 * Pure: what the member's own entitlements (the ledger, and the Discord entitlements their
 * interaction carries) say about buying: whether they already hold a plan, and which Stripe customer
 * their billing belongs to.
 */
import type { ShopPlan } from "../shop/types";
import type { DiscordEntitlementRecord } from "./discord-entitlements";
import type { LedgerEntitlement } from "./ledger";

/** Active or in grace in this server, from Stripe or Discord (the ledger, or Discord just now). */
export function holdsPlan(
  plan: Pick<ShopPlan, "id" | "discordSkuId">,
  ledger: readonly LedgerEntitlement[],
  discord: readonly DiscordEntitlementRecord[],
  now = Date.now(),
): boolean {
  if (ledger.some((e) => e.plan_id === plan.id && e.status !== "ended")) return true;
  return discord.some(
    (d) =>
      plan.discordSkuId !== null &&
      d.sku_id === plan.discordSkuId &&
      !d.deleted &&
      (d.ends_at === null || Date.parse(d.ends_at) > now),
  );
}

/**
 * The member's Stripe customer in this server: a running plan's, else the most recent one (the
 * ledger lists running plans first, then the latest changed), so all their billing is in one portal.
 */
export const billingCustomer = (ledger: readonly LedgerEntitlement[]): string | null =>
  ledger.find((e) => e.stripe_customer_id)?.stripe_customer_id ?? null;
