/**
 * Sales in Postgres (20261202060000_sales.sql): the money movements the dashboard's sales page and
 * /maxis analytics read (who sees them: RLS), and lifetime plans paid once.
 */
import { describe, expect, it } from "vitest";
import { asClaims, newGuild, runAs, superuser } from "../tickets-db/db";
import { PAYMENTS, plansOf, record, subscribe, summary, total, uniqueId } from "./payments-support";

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
});
