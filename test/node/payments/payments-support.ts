/**
 * Shared by the payments tests in Postgres: the payments and control identities, unique Stripe ids,
 * facts recorded as the webhook records them, a server's plans with a promotion, and the sales
 * summary as its admins read it.
 */
import { randomBytes } from "node:crypto";
import { expect } from "vitest";
import { asClaims, type Person, runAs, snowflake, superuser } from "../tickets-db/db";

export const PAYMENTS = { role: "service_role", sub: "payments" };
export const CONTROL = { role: "service_role", sub: "control:primary" };
const fileTag = randomBytes(4).toString("hex");
let counter = 0;
/** An id no other test (nor another test file) uses: Stripe's ids are unique. */
export const uniqueId = (prefix: string) =>
  `${prefix}_${fileTag}${Date.now().toString(36)}${(++counter).toString(36)}`;
export const now = () => Math.floor(Date.now() / 1000);

export async function record(fact: Record<string, unknown>) {
  const result = await asClaims(PAYMENTS, "select public.payments_record_stripe_event($1::jsonb) as r", [
    JSON.stringify({ created: now(), ...fact }),
  ]);
  expect(result.error).toBeNull();
  return result.rows[0]?.["r"] as { duplicate: boolean; entitlement: { status: string } | null };
}

export async function plansOf(guildId: string) {
  const monthly = `m${snowflake()}`;
  const lifetime = `l${snowflake()}`;
  await superuser.query(
    `insert into public.plans (id, guild_id, key, name, price_cents, currency, floor_cents, duration, role_id)
     values ($1, $3, 'pro', 'Pro', 1299, 'EUR', 799, 'month', $4),
            ($2, $3, 'forever', 'Forever', 14900, 'EUR', 9900, 'lifetime', $5)`,
    [monthly, lifetime, guildId, snowflake(), snowflake()],
  );
  const promotion = await superuser.query(
    `insert into public.promotions (plan_id, guild_id, percent, starts_at, ends_at, created_by)
     values ($1, $2, 20, now(), now() + interval '1 day', 'control') returning id`,
    [monthly, guildId],
  );
  return { monthly, lifetime, promotionId: Number(promotion.rows[0]?.id) };
}

/** A subscription paid at the promoted price: checkout, then its first invoice (charge ch_…). */
export async function subscribe(person: Person, plan: string, promotionId: number | null, cents: number) {
  const sub = uniqueId("sub");
  const charge = uniqueId("ch");
  const who = { guild_id: person.guildId, user_id: person.sub, plan_id: plan, promotion_id: promotionId };
  await record({
    id: uniqueId("evt"),
    type: "checkout.session.completed",
    subscription_id: sub,
    ...who,
    effect: "active",
    amount_cents: cents,
    currency: "EUR",
  });
  await record({
    id: uniqueId("evt"),
    type: "invoice.paid",
    subscription_id: sub,
    charge_id: charge,
    ...who,
    effect: "active",
    amount_cents: cents,
    currency: "EUR",
    period_end: now() + 30 * 86400,
  });
  return { sub, charge };
}

export const summary = async (person: Person, days = 30) => {
  const result = await runAs(person, "select public.sales_summary($1) as s", [days]);
  return { error: result.error, value: result.rows[0]?.["s"] as SalesJson | undefined };
};
export interface SalesJson {
  daily: {
    plan_id: string;
    promotion_id: number | null;
    payments: number;
    paid_cents: number;
    refunded_cents: number;
    failed_payments: number;
    currency: string;
  }[];
  active: { subscriptions: number; grace: number; lifetime: number; discord: number };
  failed: { user_id: string; amount_cents: number; status: string }[];
  checkouts: number;
  plans: { id: string }[];
  promotions: { id: number; percent: number }[];
}
export const total = (s: SalesJson, key: "paid_cents" | "refunded_cents" | "payments" | "failed_payments") =>
  s.daily.reduce((sum, row) => sum + Number(row[key]), 0);
