/**
 * The entitlement ledger's rules in Postgres itself (20261201040000_payments.sql), called as PostgREST
 * calls it: who may write (only the payments identity, through the functions), who reads what (RLS:
 * a member their own in their server, the server's administrators all of the server's), and the
 * audit trail of status changes.
 */

import { describe, expect, it } from "vitest";
import { asClaims, newGuild, type Person, runAs, superuser } from "../tickets-db/db";
import { PAYMENTS, uniqueId } from "./payments-support";

/** A paid checkout for `person`, as the webhook records it. */
async function paidCheckout(person: Person, plan = "pro") {
  const fact = {
    id: uniqueId("evt"),
    type: "checkout.session.completed",
    created: Math.floor(Date.now() / 1000),
    subscription_id: uniqueId("sub"),
    customer_id: uniqueId("cus"),
    guild_id: person.guildId,
    user_id: person.sub,
    plan_id: plan,
    effect: "active",
    amount_cents: 1039,
    currency: "EUR",
  };
  const result = await asClaims(PAYMENTS, "select public.payments_record_stripe_event($1::jsonb) as r", [
    JSON.stringify(fact),
  ]);
  expect(result.error).toBeNull();
  return fact;
}

const visible = async (person: Person) =>
  (await runAs(person, "select user_id, plan_id, status from public.entitlements order by user_id")).rows;

describe("the entitlement ledger", () => {
  it("shows a member their own entitlements, and the server's administrators all of the server's", async () => {
    const home = newGuild();
    const elsewhere = newGuild();
    // Plans belong to a server: the home server sells its own two.
    const pro = `pro-${home.guildId}`;
    const basic = `basic-${home.guildId}`;
    await superuser.query(
      `insert into public.plans (id, guild_id, key, name, price_cents, currency, floor_cents, duration)
       values ($1, $3, 'pro', 'Pro', 1299, 'EUR', 799, 'month'), ($2, $3, 'basic', 'Basic', 499, 'EUR', 299, 'month')`,
      [pro, basic, home.guildId],
    );
    await paidCheckout(home.memberA, pro);
    await paidCheckout(home.memberB, basic);
    await paidCheckout(elsewhere.memberA);

    expect(await visible(home.memberA)).toEqual([
      { user_id: home.memberA.sub, plan_id: pro, status: "active" },
    ]);
    expect((await visible(home.admin)).map((row) => row["user_id"]).sort()).toEqual(
      [home.memberA.sub, home.memberB.sub].sort(),
    );
    // Staff who are not administrators, and another server's administrators, see nobody's.
    expect(await visible(home.agent)).toEqual([]);
    expect((await visible(elsewhere.admin)).map((row) => row["user_id"])).toEqual([elsewhere.memberA.sub]);
    // /subscription's function goes through the same policies.
    const mine = await runAs(home.memberB, "select public.my_entitlements() as e");
    expect(mine.rows.map((row) => (row["e"] as { plan_id: string }).plan_id)).toEqual([basic]);
    // The server's admins read the audit of status changes; members do not.
    expect((await runAs(home.admin, "select to_status from public.entitlement_audit")).rows).toHaveLength(2);
    expect((await runAs(home.memberA, "select to_status from public.entitlement_audit")).rows).toEqual([]);
  });

  it("is written only by the payments identity, through its functions", async () => {
    const { memberA, admin } = newGuild();
    const fact = JSON.stringify({ id: uniqueId("evt"), type: "invoice.paid", created: 1, effect: "active" });
    for (const caller of [memberA, admin]) {
      const call = await runAs(caller, "select public.payments_record_stripe_event($1::jsonb)", [fact]);
      expect(call.error?.code).toBe("42501");
      const insert = await runAs(
        caller,
        "insert into public.entitlements (guild_id, user_id, plan_id, source, external_id, status) values ($1, $2, 'pro', 'stripe', 'sub_x', 'active')",
        [caller.guildId, caller.sub],
      );
      expect(insert.error?.code).toBe("42501");
    }
    // The control identity (an operator's key) is a service_role too, but not the payments identity.
    const control = await asClaims(
      { role: "service_role", sub: "control:primary" },
      "select public.payments_expire()",
    );
    expect(control.error?.message).toBe("forbidden");
    const update = await asClaims(PAYMENTS, "update public.entitlements set status = 'active'");
    expect(update.error?.code).toBe("42501");
    expect((await runAs("anon", "select public.my_entitlements()")).error?.code).toBe("42501");
  });

  it("stores an event once: a repeat answers duplicate and queues no second grant", async () => {
    const { memberA } = newGuild();
    const fact = await paidCheckout(memberA);
    const again = await asClaims(PAYMENTS, "select public.payments_record_stripe_event($1::jsonb) as r", [
      JSON.stringify(fact),
    ]);
    expect(again.rows[0]?.["r"]).toEqual({ duplicate: true, cancel_subscription: null });
    const grants = await superuser.query(
      "select action from public.role_outbox where guild_id = $1 and user_id = $2",
      [memberA.guildId, memberA.sub],
    );
    expect(grants.rows).toEqual([{ action: "grant" }]);
  });
});
