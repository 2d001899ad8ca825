/**
 * Sales in Postgres (20261202060000_sales.sql): the money movements the dashboard's sales page and
 * /maxis analytics read (who sees them: RLS), lifetime plans paid once, per-server revenue, checkout
 * audit, and a plan's Discord role and SKU set by its admins.
 */
import pg from "pg";
import { describe, expect, it } from "vitest";
import { newGuild, type Person, runAs, snowflake, superuser } from "../tickets-db/db";

const PAYMENTS = { role: "service_role", sub: "payments" };
const CONTROL = { role: "service_role", sub: "control:primary" };
let counter = 0;
const uniqueId = (prefix: string) => `${prefix}_sales${Date.now().toString(36)}${(++counter).toString(36)}`;
const now = () => Math.floor(Date.now() / 1000);

async function asClaims(claims: Record<string, string>, sql: string, params: unknown[] = []) {
  const client = await superuser.connect();
  try {
    await client.query("begin");
    await client.query(`set local role ${pg.escapeIdentifier(claims["role"] ?? "anon")}`);
    await client.query("select set_config('request.jwt.claims', $1, true)", [JSON.stringify(claims)]);
    try {
      const result = await client.query(sql, params);
      await client.query("commit");
      return { rows: result.rows as Record<string, unknown>[], error: null };
    } catch (error) {
      await client.query("rollback");
      return { rows: [], error: error as pg.DatabaseError };
    }
  } finally {
    client.release();
  }
}

async function record(fact: Record<string, unknown>) {
  const result = await asClaims(PAYMENTS, "select public.payments_record_stripe_event($1::jsonb) as r", [
    JSON.stringify({ created: now(), ...fact }),
  ]);
  expect(result.error).toBeNull();
  return result.rows[0]?.["r"] as { duplicate: boolean; entitlement: { status: string } | null };
}

async function plansOf(guildId: string) {
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
async function subscribe(person: Person, plan: string, promotionId: number | null, cents: number) {
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

const summary = async (person: Person, days = 30) => {
  const result = await runAs(person, "select public.sales_summary($1) as s", [days]);
  return { error: result.error, value: result.rows[0]?.["s"] as SalesJson | undefined };
};
interface SalesJson {
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
const total = (s: SalesJson, key: "paid_cents" | "refunded_cents" | "payments" | "failed_payments") =>
  s.daily.reduce((sum, row) => sum + Number(row[key]), 0);

describe("sales", () => {
  it("shows a server's admins its payments by plan and promotion, refunds, failures and what runs now", async () => {
    const home = newGuild();
    const { monthly, promotionId } = await plansOf(home.guildId);
    const a = await subscribe(home.memberA, monthly, promotionId, 1039);
    const b = await subscribe(home.memberB, monthly, null, 1299);
    // A refund of B's charge, delivered twice (a second partial refund would add only its difference).
    const refund = {
      type: "charge.refunded",
      charge_id: b.charge,
      effect: "ended",
      amount_cents: 1299,
      currency: "EUR",
    };
    await record({ id: uniqueId("evt"), ...refund });
    await record({ id: uniqueId("evt"), ...refund });
    // A's renewal fails: grace.
    await record({
      id: uniqueId("evt"),
      type: "invoice.payment_failed",
      subscription_id: a.sub,
      guild_id: home.guildId,
      user_id: home.memberA.sub,
      plan_id: monthly,
      effect: "grace",
      amount_cents: 1039,
      currency: "EUR",
    });

    const { value, error } = await summary(home.admin);
    expect(error).toBeNull();
    if (!value) throw new Error("no summary");
    expect(total(value, "paid_cents")).toBe(1039 + 1299);
    expect(total(value, "payments")).toBe(2);
    expect(total(value, "refunded_cents")).toBe(1299);
    expect(total(value, "failed_payments")).toBe(1);
    const promoted = value.daily.find((row) => row.promotion_id === promotionId);
    expect(promoted).toMatchObject({ plan_id: monthly, payments: 1, paid_cents: 1039, currency: "EUR" });
    expect(value.promotions).toEqual([expect.objectContaining({ id: promotionId, percent: 20 })]);
    expect(value.active).toEqual({ subscriptions: 0, grace: 1, lifetime: 0, discord: 0 });
    expect(value.failed).toEqual([
      expect.objectContaining({ user_id: home.memberA.sub, amount_cents: 1039, status: "grace" }),
    ]);
  });

  it("is the admins' of that server only: agents and members are refused, another server sees none of it", async () => {
    const home = newGuild();
    const other = newGuild();
    const { monthly } = await plansOf(home.guildId);
    await subscribe(home.memberA, monthly, null, 1299);
    for (const person of [home.agent, home.memberA]) {
      expect((await summary(person)).error?.message).toBe("admin_only");
      // Reading the table directly is no way around it (RLS).
      expect((await runAs(person, "select * from public.sales")).rows).toEqual([]);
      expect((await runAs(person, "select * from public.checkout_audit")).rows).toEqual([]);
    }
    const elsewhere = await summary(other.admin);
    expect(elsewhere.value?.daily).toEqual([]);
    expect(
      (await runAs(other.admin, "select * from public.sales where guild_id = $1", [home.guildId])).rows,
    ).toEqual([]);
    expect((await summary(home.admin, 0)).error?.message).toBe("invalid_days");
    expect((await runAs("anon", "select public.sales_summary(30)")).error?.code).toBe("42501");
    // Nobody writes the tables but the payment functions.
    const write = await runAs(
      home.admin,
      "insert into public.sales (event_id, guild_id, user_id, plan_id, entitlement_id, kind, amount_cents, currency, occurred_at) values ('evt_x', $1, $2, $3, 1, 'payment', 1, 'EUR', now())",
      [home.guildId, home.admin.sub, monthly],
    );
    expect(write.error?.code).toBe("42501");
  });

  it("sells a lifetime plan once: active with no end, ended by a refund delivered even before the payment", async () => {
    const home = newGuild();
    const { lifetime } = await plansOf(home.guildId);
    const pi = uniqueId("pi");
    const who = { guild_id: home.guildId, user_id: home.memberA.sub, plan_id: lifetime };
    const paid = await record({
      id: uniqueId("evt"),
      type: "checkout.session.completed",
      payment_intent_id: pi,
      customer_id: uniqueId("cus"),
      ...who,
      effect: "active",
      amount_cents: 14900,
      currency: "EUR",
    });
    expect(paid.entitlement).toMatchObject({ status: "active", period_end: null, external_id: pi });
    expect((await summary(home.admin)).value?.active).toMatchObject({ lifetime: 1, subscriptions: 0 });
    // The role is queued once.
    const grants = await superuser.query("select action from public.role_outbox where user_id = $1", [
      home.memberA.sub,
    ]);
    expect(grants.rows).toEqual([{ action: "grant" }]);
    // Expiry passes never end it.
    await asClaims(PAYMENTS, "select public.payments_expire()");
    const refund = await record({
      id: uniqueId("evt"),
      type: "charge.refunded",
      charge_id: uniqueId("ch"),
      payment_intent_id: pi,
      effect: "ended",
      amount_cents: 14900,
      currency: "EUR",
    });
    expect(refund.entitlement).toMatchObject({ status: "ended", ended_reason: "refunded" });
    const s = (await summary(home.admin)).value;
    expect(s && total(s, "paid_cents")).toBe(14900);
    expect(s && total(s, "refunded_cents")).toBe(14900);

    // Reordered: the dispute first, then the payment; it never becomes active.
    const pi2 = uniqueId("pi");
    expect(
      (
        await record({
          id: uniqueId("evt"),
          type: "charge.dispute.created",
          charge_id: uniqueId("ch"),
          payment_intent_id: pi2,
          effect: "ended",
          amount_cents: 14900,
          currency: "EUR",
        })
      ).entitlement,
    ).toBeNull();
    const late = await record({
      id: uniqueId("evt"),
      type: "checkout.session.completed",
      payment_intent_id: pi2,
      guild_id: home.guildId,
      user_id: home.memberB.sub,
      plan_id: lifetime,
      effect: "active",
      amount_cents: 14900,
      currency: "EUR",
    });
    expect(late.entitlement).toMatchObject({ status: "ended", ended_reason: "disputed" });
  });

  it("gives the control identity one server's revenue, never another's", async () => {
    const home = newGuild();
    const other = newGuild();
    const mine = await plansOf(home.guildId);
    const theirs = await plansOf(other.guildId);
    await subscribe(home.memberA, mine.monthly, mine.promotionId, 1039);
    await subscribe(other.memberA, theirs.monthly, null, 1299);
    await subscribe(other.memberB, theirs.monthly, null, 1299);
    const figures = async (guild: string) => {
      const result = await asClaims(
        CONTROL,
        "select public.server_revenue_figures($1, now() - interval '1 day', now() + interval '1 minute') as r",
        [guild],
      );
      expect(result.error).toBeNull();
      return result.rows[0]?.["r"] as {
        paid_cents: number;
        payments: number;
        active_subscriptions: number;
        by_plan: { plan_key: string; promotion_id: number | null }[];
      };
    };
    expect(await figures(home.guildId)).toMatchObject({
      paid_cents: 1039,
      payments: 1,
      active_subscriptions: 1,
      by_plan: [{ plan_key: "pro", promotion_id: mine.promotionId }],
    });
    expect(await figures(other.guildId)).toMatchObject({
      paid_cents: 2598,
      payments: 2,
      active_subscriptions: 2,
    });
    const member = await runAs(
      home.admin,
      "select public.server_revenue_figures($1, now() - interval '1 day')",
      [home.guildId],
    );
    expect(member.error?.code).toBe("42501");
  });

  it("audits every checkout once, written by the payments identity only", async () => {
    const home = newGuild();
    const { monthly, promotionId } = await plansOf(home.guildId);
    const checkout = {
      guild_id: home.guildId,
      user_id: home.memberA.sub,
      plan_id: monthly,
      promotion_id: promotionId,
      amount_cents: 1039,
      currency: "eur",
      mode: "subscription",
      session_id: uniqueId("cs"),
      interaction_id: snowflake(),
    };
    for (let i = 0; i < 2; i++) {
      const call = await asClaims(PAYMENTS, "select public.payments_record_checkout($1::jsonb)", [
        JSON.stringify(checkout),
      ]);
      expect(call.error).toBeNull();
    }
    const forged = await runAs(home.memberA, "select public.payments_record_checkout($1::jsonb)", [
      JSON.stringify(checkout),
    ]);
    expect(forged.error?.code).toBe("42501");
    const rows = await runAs(
      home.admin,
      "select user_id, plan_id, promotion_id, amount_cents, currency, session_id from public.checkout_audit",
    );
    expect(rows.rows).toEqual([
      {
        user_id: home.memberA.sub,
        plan_id: monthly,
        promotion_id: String(promotionId),
        amount_cents: 1039,
        currency: "EUR",
        session_id: checkout.session_id,
      },
    ]);
    expect((await summary(home.admin)).value?.checkouts).toBe(1);
    const change = await superuser
      .query("update public.checkout_audit set amount_cents = 1 where session_id = $1", [checkout.session_id])
      .catch((error: Error) => error);
    expect(change).toBeInstanceOf(Error);
  });

  it("lets a server's admins set a plan's Discord role and SKU, validated and audited", async () => {
    const home = newGuild();
    const other = newGuild();
    const { monthly } = await plansOf(home.guildId);
    const theirs = await plansOf(other.guildId);
    const view = async () =>
      (await runAs(home.admin, "select public.plan_view($1) as v", [monthly])).rows[0]?.["v"] as {
        plan: { updated_at: string; role_id: string | null; discord_sku_id: string | null };
        history: {
          action: string;
          actor_id: string;
          before: { role_id: string };
          after: { role_id: string };
        }[];
      };
    const set = (who: Person, plan: string, at: string, role: string | null, sku: string | null) =>
      runAs(who, "select public.plan_set_discord($1, $2, $3, $4) as p", [plan, at, role, sku]);
    const before = (await view()).plan;
    const role = snowflake();
    const sku = snowflake();
    const ok = await set(home.admin, monthly, before.updated_at, role, sku);
    expect(ok.error).toBeNull();
    expect(ok.rows[0]?.["p"]).toMatchObject({ role_id: role, discord_sku_id: sku });
    const after = await view();
    expect(after.history[0]).toMatchObject({
      action: "updated",
      actor_id: home.admin.sub,
      after: { role_id: role },
    });

    const at = after.plan.updated_at;
    expect((await set(home.admin, monthly, at, "12", null)).error?.message).toBe("invalid_role");
    expect((await set(home.admin, monthly, at, home.guildId, null)).error?.message).toBe("invalid_role");
    expect((await set(home.admin, monthly, at, role, "sku")).error?.message).toBe("invalid_sku");
    expect((await set(home.admin, monthly, before.updated_at, null, null)).error?.message).toBe(
      "plan_changed",
    );
    expect((await set(home.agent, monthly, at, null, null)).error?.message).toBe("admin_only");
    // Another server's admin cannot reach this plan, nor reuse its SKU.
    expect((await set(other.admin, monthly, at, null, null)).error?.message).toBe("plan_not_found");
    const theirsView = (await runAs(other.admin, "select public.plan_view($1) as v", [theirs.monthly]))
      .rows[0]?.["v"] as { plan: { updated_at: string } };
    expect(
      (await set(other.admin, theirs.monthly, theirsView.plan.updated_at, null, sku)).error?.message,
    ).toBe("sku_taken");
    // Clearing both is one more audited change.
    const cleared = await set(home.admin, monthly, at, "", null);
    expect(cleared.rows[0]?.["p"]).toMatchObject({ role_id: null, discord_sku_id: null });
    expect((await view()).history).toHaveLength(2);
  });
});
