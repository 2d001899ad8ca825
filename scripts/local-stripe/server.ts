/**
 * A local stand-in for Stripe at its HTTP boundary (STRIPE_API_BASE in `npm run dev`, port
 * STRIPE_API_PORT, default 8791):
 *   POST /v1/checkout/sessions, POST /v1/billing_portal/sessions   as Stripe answers them (form bodies)
 *   POST /__local/checkout/<session id>/complete                   pays the session: creates the
 *        customer and subscription and delivers customer.subscription.created,
 *        checkout.session.completed and invoice.paid to the webhook, signed as Stripe signs them
 *        (mode=subscription), or checkout.session.completed with its PaymentIntent (mode=payment)
 *   POST /__local/subscriptions/<sub id>/<renew|fail|cancel|refund|dispute>   the rest of a life
 *   POST /__local/payments/<pi id>/<refund|dispute>                           a one-time payment's
 *   Both take ?times=N (deliver every event N times) and ?reorder=1 (deliver them newest first).
 *   GET  /__local/requests   every API request received (e.g. the amount of a Checkout Session)
 * Contract: `npm run interact -- stripe pay <session id>` calls the complete route.
 */
import { serve } from "@hono/node-server";
import { type Context, Hono } from "hono";
import { stripeSignatureHeader } from "../../src/maxis/payments/stripe-signature";
import {
  type LifecycleStep,
  type LocalPayment,
  type LocalSubscription,
  lifecycleEvents,
  localId,
  newPayment,
  newSubscription,
  paymentEvents,
  type StripeEvent,
} from "./events";

interface LocalSession {
  id: string;
  url: string;
  metadata: Record<string, string>;
  amountCents: number;
  currency: string;
  productName: string;
  locale: string;
  mode: "subscription" | "payment";
  status: "open" | "complete";
  subscription?: string;
  paymentIntent?: string;
}

export interface StripeStandInOptions {
  /** Where events are delivered: Maxis's /webhooks/stripe. */
  webhookUrl: string;
  webhookSecret: string;
}

/** Stripe's bracketed form keys (`line_items[0][price_data][currency]`) as a flat map. */
function formFields(body: string): Map<string, string> {
  return new Map(new URLSearchParams(body));
}

function metadataFrom(fields: Map<string, string>, prefix: string): Record<string, string> {
  const metadata: Record<string, string> = {};
  for (const [key, value] of fields) {
    const match = key.match(new RegExp(`^${prefix.replace(/[[\]]/g, "\\$&")}\\[([a-z_]+)\\]$`));
    if (match?.[1]) metadata[match[1]] = value;
  }
  return metadata;
}

export function createLocalStripeApp(options: StripeStandInOptions, publicUrl: () => string): Hono {
  const sessions = new Map<string, LocalSession>();
  const subscriptions = new Map<string, LocalSubscription>();
  const payments = new Map<string, LocalPayment>();
  const requests: { seq: number; method: string; path: string; body: Record<string, string> }[] = [];
  const deliveries: { event: string; type: string; status: number }[] = [];
  const app = new Hono();

  const requireKey = (authorization: string | undefined) =>
    /^Bearer sk_(test|live)_\S+$/.test(authorization ?? "");
  const stripeError = (message: string) => ({ error: { type: "invalid_request_error", message } });

  /** Records an API call's form fields, and whether it carries a secret key (Stripe answers 401 otherwise). */
  const recordCall = async (c: Context) => {
    const fields = formFields(await c.req.text());
    requests.push({
      seq: requests.length + 1,
      method: "POST",
      path: c.req.path,
      body: Object.fromEntries(fields),
    });
    return { fields, authorized: requireKey(c.req.header("Authorization")) };
  };
  const unauthorized = (c: Context) => c.json(stripeError("Invalid API Key provided"), 401);

  app.post("/v1/checkout/sessions", async (c) => {
    const { fields, authorized } = await recordCall(c);
    if (!authorized) return unauthorized(c);
    const amount = Number(fields.get("line_items[0][price_data][unit_amount]"));
    const currency = fields.get("line_items[0][price_data][currency]") ?? "";
    if (!Number.isInteger(amount) || amount <= 0 || !/^[a-z]{3}$/.test(currency)) {
      return c.json(stripeError("line_items[0][price_data] is invalid"), 400);
    }
    // As Stripe: a subscription needs a recurring price, a one-time payment must not have one.
    const mode = fields.get("mode");
    const interval = fields.get("line_items[0][price_data][recurring][interval]");
    if (mode !== "subscription" && mode !== "payment") {
      return c.json(stripeError("mode must be subscription or payment"), 400);
    }
    if (mode === "subscription" && !["day", "week", "month", "year"].includes(interval ?? "")) {
      return c.json(stripeError("You must provide at least one recurring price in `subscription` mode"), 400);
    }
    if (mode === "payment" && interval !== undefined) {
      return c.json(stripeError("You specified `payment` mode but passed a recurring price"), 400);
    }
    const id = localId("cs_test");
    const session: LocalSession = {
      id,
      url: `${publicUrl()}/checkout/${id}`,
      metadata: metadataFrom(fields, "metadata"),
      amountCents: amount,
      currency,
      productName: fields.get("line_items[0][price_data][product_data][name]") ?? "",
      locale: fields.get("locale") ?? "auto",
      mode,
      status: "open",
    };
    sessions.set(id, session);
    return c.json({
      id,
      object: "checkout.session",
      url: session.url,
      amount_total: amount,
      currency,
      status: "open",
    });
  });

  app.post("/v1/billing_portal/sessions", async (c) => {
    const { fields, authorized } = await recordCall(c);
    if (!authorized) return unauthorized(c);
    const id = localId("bps");
    return c.json({
      id,
      object: "billing_portal.session",
      url: `${publicUrl()}/portal/${id}`,
      customer: fields.get("customer"),
    });
  });

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
