import { serve } from "@hono/node-server";
import { Hono } from "hono";
import { afterAll, describe, expect, it, vi } from "vitest";
import { encodeStripeForm } from "../../src/maxis/payments/form-encode";
import { verifyStripeSignature } from "../../src/maxis/payments/stripe-signature";
import { freePort } from "../../test/setup/ports";
import { createLocalStripeApp } from "./server";

const secret = "whsec_stand_in_test";
/** Stands in for Maxis's /webhooks/stripe: checks each delivery's signature as Maxis does. */
const received: { type: string; id: string; signed: boolean }[] = [];
const webhook = new Hono().post("/webhooks/stripe", async (c) => {
  const raw = await c.req.text();
  const signed = (await verifyStripeSignature(secret, c.req.header("Stripe-Signature"), raw)).ok;
  const event = JSON.parse(raw) as { type: string; id: string };
  received.push({ type: event.type, id: event.id, signed });
  return c.json({ received: true });
});
const port = await freePort();
const server = serve({ fetch: webhook.fetch, port, hostname: "127.0.0.1" });
afterAll(() => new Promise<void>((done) => server.close(() => done())));

const stripe = createLocalStripeApp(
  { webhookUrl: `http://127.0.0.1:${port}/webhooks/stripe`, webhookSecret: secret },
  () => "http://stripe.local",
);

async function checkout(amount = 1039) {
  const response = await stripe.request("/v1/checkout/sessions", {
    method: "POST",
    headers: { Authorization: "Bearer sk_test_x", "Content-Type": "application/x-www-form-urlencoded" },
    body: encodeStripeForm({
      mode: "subscription",
      line_items: [
        {
          quantity: 1,
          price_data: {
            currency: "eur",
            unit_amount: amount,
            product_data: { name: "Pro" },
            recurring: { interval: "month" },
          },
        },
      ],
      metadata: { guild_id: "1300000000000000010", user_id: "1300000000000000111", plan_id: "pro" },
    }),
  });
  return (await response.json()) as { id: string; url: string };
}

describe("the Stripe stand-in", () => {
  it("refuses a request without a secret key, as Stripe does", async () => {
    const response = await stripe.request("/v1/checkout/sessions", { method: "POST", body: "" });
    expect(response.status).toBe(401);
  });

  it("pays a checkout by delivering Stripe's three events, each signed with the webhook secret", async () => {
    const session = await checkout();
    expect(session.url).toBe(`http://stripe.local/checkout/${session.id}`);
    received.length = 0;
    const paid = await stripe.request(`/__local/checkout/${session.id}/complete?times=2`, { method: "POST" });
    expect(paid.status).toBe(200);
    expect(await paid.json()).toMatchObject({ session: session.id, amount_cents: 1039, currency: "eur" });
    expect(received.map((r) => r.type)).toEqual([
      "customer.subscription.created",
      "customer.subscription.created",
      "checkout.session.completed",
      "checkout.session.completed",
      "invoice.paid",
      "invoice.paid",
    ]);
    expect(received.every((r) => r.signed)).toBe(true);
    // A repeat is the same event (same id), as Stripe's retries are.
    expect(received[0]?.id).toBe(received[1]?.id);
    const again = await stripe.request(`/__local/checkout/${session.id}/complete`, { method: "POST" });
    expect(again.status).toBe(409);
  });

  it("sends the rest of a subscription's life, newest first when asked", async () => {
    const session = await checkout();
    const paid = (await (
      await stripe.request(`/__local/checkout/${session.id}/complete`, { method: "POST" })
    ).json()) as {
      subscription: string;
    };
    received.length = 0;
    await stripe.request(`/__local/subscriptions/${paid.subscription}/fail?reorder=1`, { method: "POST" });
    await stripe.request(`/__local/subscriptions/${paid.subscription}/refund`, { method: "POST" });
    expect(received.map((r) => r.type)).toEqual([
      "customer.subscription.updated",
      "invoice.payment_failed",
      "charge.refunded",
    ]);
    const unknown = await stripe.request("/__local/subscriptions/sub_nope/cancel", { method: "POST" });
    expect(unknown.status).toBe(404);
  });
});

describe("the Stripe stand-in's one-time payments", () => {
  const form = (mode: string, recurring: boolean) =>
    encodeStripeForm({
      mode,
      line_items: [
        {
          quantity: 1,
          price_data: {
            currency: "eur",
            unit_amount: 14900,
            product_data: { name: "Lifetime" },
            ...(recurring ? { recurring: { interval: "month" } } : {}),
          },
        },
      ],
      metadata: { guild_id: "1300000000000000010", user_id: "1300000000000000111", plan_id: "lifetime" },
    });
  const create = (body: string) =>
    stripe.request("/v1/checkout/sessions", {
      method: "POST",
      headers: { Authorization: "Bearer sk_test_x", "Content-Type": "application/x-www-form-urlencoded" },
      body,
    });

  it("refuses a mode and a price that do not go together, as Stripe does", async () => {
    expect((await create(form("payment", true))).status).toBe(400);
    expect((await create(form("subscription", false))).status).toBe(400);
  });

  it("pays once with a PaymentIntent, then refunds and disputes it", async () => {
    const session = (await (await create(form("payment", false))).json()) as { id: string };
    received.length = 0;
    const paid = (await (
      await stripe.request(`/__local/checkout/${session.id}/complete`, { method: "POST" })
    ).json()) as { payment_intent: string; amount_cents: number };
    expect(paid.payment_intent).toMatch(/^pi_/);
    expect(paid.amount_cents).toBe(14900);
    await stripe.request(`/__local/payments/${paid.payment_intent}/refund`, { method: "POST" });
    await stripe.request(`/__local/payments/${paid.payment_intent}/dispute`, { method: "POST" });
    expect(received.map((r) => r.type)).toEqual([
      "payment_intent.succeeded",
      "checkout.session.completed",
      "charge.refunded",
      "charge.dispute.created",
    ]);
    expect(received.every((r) => r.signed)).toBe(true);
    expect((await stripe.request("/__local/payments/pi_nope/refund", { method: "POST" })).status).toBe(404);
  });
});

describe("the Stripe stand-in's customers, expiring checkouts and cancelling subscriptions", () => {
  const auth = { Authorization: "Bearer sk_test_x", "Content-Type": "application/x-www-form-urlencoded" };
  const subscriptionForm = (extra: Record<string, string>) =>
    encodeStripeForm({
      mode: "subscription",
      line_items: [
        {
          quantity: 1,
          price_data: {
            currency: "eur",
            unit_amount: 1039,
            product_data: { name: "Pro" },
            recurring: { interval: "month" },
          },
        },
      ],
      metadata: { guild_id: "1300000000000000010", user_id: "1300000000000000111", plan_id: "pro" },
      ...extra,
    });
  const open = async (extra: Record<string, string> = {}) =>
    stripe.request("/v1/checkout/sessions", { method: "POST", headers: auth, body: subscriptionForm(extra) });
  const retrieve = async (id: string) =>
    (await (await stripe.request(`/v1/checkout/sessions/${id}`, { headers: auth })).json()) as {
      status: string;
      url: string | null;
    };

  it("opens a checkout for an existing customer, who then pays as that customer", async () => {
    const session = (await (await open({ customer: "cus_existing1" })).json()) as {
      id: string;
      customer: string;
    };
    expect(session.customer).toBe("cus_existing1");
    const paid = (await (
      await stripe.request(`/__local/checkout/${session.id}/complete`, { method: "POST" })
    ).json()) as { customer: string };
    expect(paid.customer).toBe("cus_existing1");
    // As Stripe: one or the other.
    expect((await open({ customer: "cus_existing1", customer_creation: "always" })).status).toBe(400);
  });

  it("expires an open checkout, which can then no longer be paid nor expired again", async () => {
    const session = (await (await open()).json()) as { id: string };
    const expire = () =>
      stripe.request(`/v1/checkout/sessions/${session.id}/expire`, { method: "POST", headers: auth });
    const expired = await expire();
    expect(expired.status).toBe(200);
    expect(await expired.json()).toMatchObject({ id: session.id, status: "expired", url: null });
    expect(await retrieve(session.id)).toMatchObject({ status: "expired", url: null });
    expect(
      (await stripe.request(`/__local/checkout/${session.id}/complete`, { method: "POST" })).status,
    ).toBe(409);
    expect((await expire()).status).toBe(400);

    const paid = (await (await open()).json()) as { id: string };
    await stripe.request(`/__local/checkout/${paid.id}/complete`, { method: "POST" });
    expect(await retrieve(paid.id)).toMatchObject({ status: "complete" });
    expect(
      (await stripe.request(`/v1/checkout/sessions/${paid.id}/expire`, { method: "POST", headers: auth }))
        .status,
    ).toBe(400);
  });

  it("cancels a subscription at once, sends customer.subscription.deleted, and bills it no more", async () => {
    const session = (await (await open()).json()) as { id: string };
    const { subscription } = (await (
      await stripe.request(`/__local/checkout/${session.id}/complete`, { method: "POST" })
    ).json()) as { subscription: string };
    received.length = 0;
    const cancel = () =>
      stripe.request(`/v1/subscriptions/${subscription}`, { method: "DELETE", headers: auth });
    const canceled = await cancel();
    expect(canceled.status).toBe(200);
    expect(await canceled.json()).toMatchObject({
      id: subscription,
      object: "subscription",
      status: "canceled",
    });
    await vi.waitFor(() => expect(received.map((r) => r.type)).toEqual(["customer.subscription.deleted"]));
    // As Stripe: a canceled subscription is no longer found.
    const again = await cancel();
    expect(again.status).toBe(404);
    expect(await again.json()).toMatchObject({ error: { code: "resource_missing" } });
    expect(
      (await stripe.request(`/__local/subscriptions/${subscription}/renew`, { method: "POST" })).status,
    ).toBe(409);
  });

  it("fails a request the way a test scripted it, then answers normally", async () => {
    await stripe.request("/__local/failures", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({
        method: "DELETE",
        pathPattern: "/v1/subscriptions/sub_scripted$",
        status: 500,
        body: { error: { type: "api_error", message: "boom" } },
        times: 1,
      }),
    });
    const call = () => stripe.request("/v1/subscriptions/sub_scripted", { method: "DELETE", headers: auth });
    expect((await call()).status).toBe(500);
    expect((await call()).status).toBe(404);
  });
});
