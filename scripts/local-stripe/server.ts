/**
 * A local stand-in for Stripe at its HTTP boundary (STRIPE_API_BASE in `npm run dev`, port
 * STRIPE_API_PORT, default 8791):
 *   POST /v1/checkout/sessions (with `customer`), GET /v1/checkout/sessions/<id>,
 *   POST /v1/checkout/sessions/<id>/expire, POST /v1/billing_portal/sessions,
 *   DELETE /v1/subscriptions/<id>   as Stripe answers them (api-routes.ts; POST /__local/failures
 *        scripts a failure of one)
 *   POST /__local/checkout/<session id>/complete                   pays the session: creates the
 *        customer and subscription and delivers customer.subscription.created,
 *        checkout.session.completed and invoice.paid to the webhook, signed as Stripe signs them
 *        (mode=subscription), or checkout.session.completed with its PaymentIntent (mode=payment)
 *   POST /__local/subscriptions/<sub id>/<renew|fail|cancel|refund|dispute>   the rest of a life
 *   POST /__local/payments/<pi id>/<refund|dispute>                           a one-time payment's
 *   Both take ?times=N (deliver every event N times) and ?reorder=1 (deliver them newest first).
 *   PUT|GET /__local/subscriptions/<sub id>   a subscription a test made itself, and its state now
 *   GET  /__local/requests   every API request received (e.g. the amount of a Checkout Session)
 * Contract: `npm run interact -- stripe pay <session id>` calls the complete route.
 */
import { serve } from "@hono/node-server";
import { Hono } from "hono";
import { stripeSignatureHeader } from "../../src/maxis/payments/stripe-signature";
import { type LocalSession, type RecordedStripeRequest, stripeApiRoutes, stripeError } from "./api-routes";
import {
  type LifecycleStep,
  type LocalPayment,
  type LocalSubscription,
  lifecycleEvents,
  newPayment,
  newSubscription,
  paymentEvents,
  type StripeEvent,
} from "./events";

export interface StripeStandInOptions {
  /** Where events are delivered: Maxis's /webhooks/stripe. */
  webhookUrl: string;
  webhookSecret: string;
}

export function createLocalStripeApp(options: StripeStandInOptions, publicUrl: () => string): Hono {
  const sessions = new Map<string, LocalSession>();
  const subscriptions = new Map<string, LocalSubscription>();
  const payments = new Map<string, LocalPayment>();
  const requests: RecordedStripeRequest[] = [];
  const deliveries: { event: string; type: string; status: number }[] = [];
  const app = new Hono();
  stripeApiRoutes(app, { sessions, subscriptions, payments, requests, failures: [], deliver, publicUrl });

  // What the member's browser would open: a page saying how to pay locally.
  app.get("/checkout/:id", (c) => {
    const session = sessions.get(c.req.param("id"));
    if (!session) return c.text("No such checkout session", 404);
    return c.text(
      `Local Stripe checkout: ${session.productName}, ${(session.amountCents / 100).toFixed(2)} ${session.currency.toUpperCase()}\n` +
        `Pay with: npm run interact -- stripe pay ${session.id}\n`,
    );
  });
  app.get("/portal/:id", (c) =>
    c.text("Local Stripe customer portal (cancel with: npm run interact -- stripe cancel <sub id>)\n"),
  );

  async function deliver(events: StripeEvent[], times: number, reorder: boolean) {
    const ordered = reorder ? [...events].reverse() : events;
    const results: { id: string; type: string; status: number; body: unknown }[] = [];
    for (const event of ordered) {
      for (let i = 0; i < times; i++) {
        const body = JSON.stringify(event);
        const response = await fetch(options.webhookUrl, {
          method: "POST",
          headers: {
            "Content-Type": "application/json",
            "Stripe-Signature": await stripeSignatureHeader(options.webhookSecret, body),
          },
          body,
        }).catch((error: Error) => new Response(error.message, { status: 599 }));
        const answer = await response.json().catch(() => null);
        deliveries.push({ event: event.id, type: event.type, status: response.status });
        results.push({ id: event.id, type: event.type, status: response.status, body: answer });
      }
    }
    return results;
  }

  const deliveryOptions = (query: (name: string) => string | undefined) => ({
    times: Math.min(Math.max(Number(query("times") ?? 1) || 1, 1), 10),
    reorder: query("reorder") === "1" || query("reorder") === "true",
  });

  app.post("/__local/checkout/:id/complete", async (c) => {
    const session = sessions.get(c.req.param("id"));
    if (!session) return c.json(stripeError("No such checkout session"), 404);
    if (session.status === "complete")
      return c.json(stripeError("This checkout session is already paid"), 409);
    // What the member sees on Stripe's page for a session Maxis expired (or that timed out).
    if (session.status === "expired") return c.json(stripeError("This checkout session has expired"), 409);
    const now = Math.floor(Date.now() / 1000);
    const { times, reorder } = deliveryOptions((name) => c.req.query(name));
    if (session.mode === "payment") {
      const payment = newPayment(session);
      session.status = "complete";
      session.paymentIntent = payment.id;
      payments.set(payment.id, payment);
      return c.json({
        session: session.id,
        payment_intent: payment.id,
        customer: payment.customer,
        amount_cents: session.amountCents,
        currency: session.currency,
        deliveries: await deliver(paymentEvents("complete", payment, now), times, reorder),
      });
    }
    const subscription = newSubscription(session, now);
    session.status = "complete";
    session.subscription = subscription.id;
    subscriptions.set(subscription.id, subscription);
    const { events } = lifecycleEvents("complete", subscription, now);
    return c.json({
      session: session.id,
      subscription: subscription.id,
      customer: subscription.customer,
      amount_cents: session.amountCents,
      currency: session.currency,
      deliveries: await deliver(events, times, reorder),
    });
  });

  app.post("/__local/subscriptions/:id/:step", async (c) => {
    const subscription = subscriptions.get(c.req.param("id"));
    const step = c.req.param("step") as LifecycleStep;
    if (!subscription) return c.json(stripeError("No such subscription"), 404);
    if (!["renew", "fail", "cancel", "refund", "dispute"].includes(step)) {
      return c.json(stripeError("step must be renew, fail, cancel, refund or dispute"), 400);
    }
    // A canceled subscription is never billed again (a refund or dispute of a past charge still is possible).
    if (subscription.status === "canceled" && ["renew", "fail", "cancel"].includes(step)) {
      return c.json(stripeError(`Subscription ${subscription.id} is canceled: Stripe bills it no more`), 409);
    }
    const result = lifecycleEvents(step, subscription, Math.floor(Date.now() / 1000));
    subscriptions.set(subscription.id, result.subscription);
    const { times, reorder } = deliveryOptions((name) => c.req.query(name));
    return c.json({
      subscription: subscription.id,
      deliveries: await deliver(result.events, times, reorder),
    });
  });

  app.post("/__local/payments/:id/:step", async (c) => {
    const payment = payments.get(c.req.param("id"));
    const step = c.req.param("step");
    if (!payment) return c.json(stripeError("No such payment intent"), 404);
    if (step !== "refund" && step !== "dispute") {
      return c.json(stripeError("step must be refund or dispute"), 400);
    }
    const { times, reorder } = deliveryOptions((name) => c.req.query(name));
    return c.json({
      payment_intent: payment.id,
      deliveries: await deliver(paymentEvents(step, payment, Math.floor(Date.now() / 1000)), times, reorder),
    });
  });

  // A subscription a test made itself (its events posted straight to the Worker), so the API knows it.
  app.put("/__local/subscriptions/:id", async (c) => {
    const subscription = (await c.req.json()) as LocalSubscription;
    if (subscription.id !== c.req.param("id")) return c.json(stripeError("id mismatch"), 400);
    subscriptions.set(subscription.id, subscription);
    return c.body(null, 204);
  });
  app.get("/__local/subscriptions/:id", (c) => {
    const subscription = subscriptions.get(c.req.param("id"));
    return subscription ? c.json(subscription) : c.json(stripeError("No such subscription"), 404);
  });

  app.get("/__local/requests", (c) => c.json(requests));
  app.get("/__local/deliveries", (c) => c.json(deliveries));
  app.get("/__local/sessions/:id", (c) => {
    const session = sessions.get(c.req.param("id"));
    return session ? c.json(session) : c.json(stripeError("No such checkout session"), 404);
  });
  app.notFound((c) => c.json(stripeError(`Unrecognized request URL (${c.req.method}: ${c.req.path})`), 404));
  return app;
}

export interface LocalStripe {
  url: string;
  close(): Promise<void>;
}

export function serveLocalStripe(
  port: number,
  options: StripeStandInOptions,
  hostname = "127.0.0.1",
): Promise<LocalStripe> {
  const url = `http://${hostname}:${port}`;
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: createLocalStripeApp(options, () => url).fetch, port, hostname }, () =>
      resolve({ url, close: () => new Promise((done) => server.close(() => done())) }),
    );
    server.once("error", reject);
  });
}
