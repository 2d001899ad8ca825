import { describe, expect, it } from "vitest";
import { lifecycleEvents, newSubscription } from "../../../scripts/local-stripe/events";
import { stripeFact } from "./stripe-facts";

const metadata = {
  guild_id: "1300000000000000010",
  user_id: "1300000000000000111",
  plan_id: "pro",
  promotion_id: "7",
};
const sub = newSubscription({ id: "cs_test_1", metadata, amountCents: 1039, currency: "eur" }, 1_800_000_000);
const facts = (step: Parameters<typeof lifecycleEvents>[0]) =>
  lifecycleEvents(step, sub, 1_800_000_100).events.map((event) => stripeFact(event));

describe("stripeFact", () => {
  it("reads whose checkout it was, the amount and the period from the checkout's events", () => {
    const [created, checkout, invoice] = facts("complete");
    expect(created).toMatchObject({ ok: true, value: { effect: "active", subscription_id: sub.id } });
    expect(checkout).toMatchObject({
      ok: true,
      value: {
        type: "checkout.session.completed",
        checkout_session_id: "cs_test_1",
        guild_id: metadata.guild_id,
        user_id: metadata.user_id,
        plan_id: "pro",
        promotion_id: 7,
        amount_cents: 1039,
        currency: "EUR",
        customer_id: sub.customer,
        effect: "active",
      },
    });
    expect(invoice).toMatchObject({
      ok: true,
      value: { type: "invoice.paid", charge_id: sub.charge, period_end: sub.periodEnd, amount_cents: 1039 },
    });
  });

  it("says what each other event means for the subscription", () => {
    expect(facts("fail").map((r) => r.ok && r.value.effect)).toEqual(["grace", "grace"]);
    expect(facts("cancel").map((r) => r.ok && r.value.effect)).toEqual(["ended"]);
    expect(facts("refund")).toMatchObject([
      { value: { charge_id: sub.charge, effect: "ended", amount_cents: 1039 } },
    ]);
    expect(facts("dispute")).toMatchObject([{ value: { charge_id: sub.charge, effect: "ended" } }]);
    expect(facts("renew").map((r) => r.ok && r.value.effect)).toEqual(["active", "active"]);
  });

  it("leaves a partial refund's plan running, ignores unhandled types and names what is wrong", () => {
    const [refund] = lifecycleEvents("refund", sub, 1).events;
    const partial = { ...refund, data: { object: { ...refund?.data.object, refunded: false } } };
    expect(stripeFact(partial)).toMatchObject({ ok: true, value: { effect: null } });
    expect(stripeFact({ id: "evt_1", type: "payout.paid", created: 1, data: { object: {} } })).toEqual({
      ok: false,
      error: { code: "ignored", type: "payout.paid" },
    });
    expect(stripeFact({ id: "nope", type: "invoice.paid" })).toEqual({
      ok: false,
      error: { code: "invalid", field: "id" },
    });
    expect(stripeFact({ id: "evt_1", type: "invoice.paid", created: 1 })).toEqual({
      ok: false,
      error: { code: "invalid", field: "data.object" },
    });
    // Metadata that is not ours (not snowflakes, not a plan id) is not trusted as an identity.
    const [, checkout] = lifecycleEvents(
      "complete",
      { ...sub, metadata: { guild_id: "x", plan_id: "../" } },
      1,
    ).events;
    expect(stripeFact(checkout)).toMatchObject({ value: { guild_id: null, plan_id: null } });
  });
});
