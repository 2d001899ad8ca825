/**
 * The Stripe API routes of the stand-in (`/v1/…`), answering as Stripe does (form bodies in, JSON
 * out, Stripe's error shape): Checkout Sessions (create, retrieve, expire), billing portal sessions,
 * and cancelling a subscription (`DELETE /v1/subscriptions/{id}`, which then delivers
 * `customer.subscription.deleted` as Stripe does). Requests are recorded, and a test can script a
 * failure of any of them (`POST /__local/failures`).
 */
import type { Context, Hono } from "hono";
import type { LocalPayment, LocalSubscription, StripeEvent } from "./events";
import { lifecycleEvents, localId, subscriptionObject } from "./events";

export interface LocalSession {
  id: string;
  url: string;
  metadata: Record<string, string>;
  amountCents: number;
  currency: string;
  productName: string;
  locale: string;
  mode: "subscription" | "payment";
  status: "open" | "complete" | "expired";
  /** The existing customer the session was opened for (`customer`), if any. */
  customer?: string;
  subscription?: string;
  paymentIntent?: string;
}

export interface RecordedStripeRequest {
  seq: number;
  method: string;
  path: string;
  body: Record<string, string>;
}

/** A failure a test scripts: the next `times` requests matching method and path get this answer. */
export interface ScriptedStripeFailure {
  method: string;
  /** Regular expression tested against the path (e.g. naming one subscription). */
  pathPattern: string;
  status: number;
  body: unknown;
  times: number;
}

export interface StandInState {
  sessions: Map<string, LocalSession>;
  subscriptions: Map<string, LocalSubscription>;
  payments: Map<string, LocalPayment>;
  requests: RecordedStripeRequest[];
  failures: ScriptedStripeFailure[];
  /** Delivers events to the webhook, signed. */
  deliver(events: StripeEvent[], times: number, reorder: boolean): Promise<unknown>;
  publicUrl(): string;
}

export const stripeError = (message: string, code?: string) => ({
  error: { type: "invalid_request_error", message, ...(code ? { code } : {}) },
});

const CUSTOMER = /^cus_[A-Za-z0-9_]{1,200}$/;

/** The Checkout Session as Stripe's API shows it: no URL once it can no longer be paid. */
const sessionObject = (session: LocalSession) => ({
  id: session.id,
  object: "checkout.session",
  mode: session.mode,
  status: session.status,
  url: session.status === "open" ? session.url : null,
  customer: session.customer ?? null,
  subscription: session.subscription ?? null,
  payment_intent: session.paymentIntent ?? null,
  amount_total: session.amountCents,
  currency: session.currency,
  metadata: session.metadata,
});

function metadataFrom(fields: Map<string, string>, prefix: string): Record<string, string> {
  const metadata: Record<string, string> = {};
  for (const [key, value] of fields) {
    const match = key.match(new RegExp(`^${prefix.replace(/[[\]]/g, "\\$&")}\\[([a-z_]+)\\]$`));
    if (match?.[1]) metadata[match[1]] = value;
  }
  return metadata;
}

export function stripeApiRoutes(app: Hono, state: StandInState): void {
  const requireKey = (authorization: string | undefined) =>
    /^Bearer sk_(test|live)_\S+$/.test(authorization ?? "");

  // Every /v1 call: recorded, refused without a secret key (401, as Stripe), or failed as a test scripted.
  app.use("/v1/*", async (c, next) => {
    const fields = new Map(new URLSearchParams(await c.req.raw.clone().text()));
    state.requests.push({
      seq: state.requests.length + 1,
      method: c.req.method,
      path: c.req.path,
      body: Object.fromEntries(fields),
    });
    if (!requireKey(c.req.header("Authorization"))) {
      return c.json(stripeError("Invalid API Key provided"), 401);
    }
    const failure = state.failures.find(
      (f) => f.times > 0 && f.method === c.req.method && new RegExp(f.pathPattern).test(c.req.path),
    );
    if (failure) {
      failure.times -= 1;
      return c.json(failure.body as object, failure.status as 500);
    }
    return next();
  });

  app.post("/__local/failures", async (c) => {
    state.failures.push((await c.req.json()) as ScriptedStripeFailure);
    return c.body(null, 204);
  });

  app.post("/v1/checkout/sessions", async (c) => {
    const fields = new Map(new URLSearchParams(await c.req.text()));
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
    const customer = fields.get("customer");
    if (customer !== undefined && !CUSTOMER.test(customer)) {
      return c.json(stripeError(`No such customer: '${customer}'`, "resource_missing"), 400);
    }
    if (customer !== undefined && fields.has("customer_creation")) {
      return c.json(
        stripeError("You may only specify one of these parameters: customer, customer_creation."),
        400,
      );
    }
    const id = localId("cs_test");
    const session: LocalSession = {
      id,
      url: `${state.publicUrl()}/checkout/${id}`,
      metadata: metadataFrom(fields, "metadata"),
      amountCents: amount,
      currency,
      productName: fields.get("line_items[0][price_data][product_data][name]") ?? "",
      locale: fields.get("locale") ?? "auto",
      mode,
      status: "open",
      ...(customer ? { customer } : {}),
    };
    state.sessions.set(id, session);
    return c.json(sessionObject(session));
  });

  const sessionOr404 = (c: Context) => {
    const session = state.sessions.get(c.req.param("id") ?? "");
    return session ?? c.json(stripeError("No such checkout session", "resource_missing"), 404);
  };

  app.get("/v1/checkout/sessions/:id", (c) => {
    const session = sessionOr404(c);
    return session instanceof Response ? session : c.json(sessionObject(session));
  });

  // As Stripe: only an open session can be expired; an expired or paid one is an error.
  app.post("/v1/checkout/sessions/:id/expire", (c) => {
    const session = sessionOr404(c);
    if (session instanceof Response) return session;
    if (session.status !== "open") {
      return c.json(
        stripeError(`This Checkout Session is ${session.status} and can no longer be expired.`),
        400,
      );
    }
    session.status = "expired";
    return c.json(sessionObject(session));
  });

  app.post("/v1/billing_portal/sessions", async (c) => {
    const fields = new Map(new URLSearchParams(await c.req.text()));
    const id = localId("bps");
    return c.json({
      id,
      object: "billing_portal.session",
      url: `${state.publicUrl()}/portal/${id}`,
      customer: fields.get("customer"),
    });
  });

  // Cancels at once. As Stripe: a canceled (or unknown) subscription is "No such subscription" (404).
  app.delete("/v1/subscriptions/:id", (c) => {
    const id = c.req.param("id");
    const subscription = state.subscriptions.get(id);
    if (!subscription || subscription.status === "canceled") {
      return c.json(stripeError(`No such subscription: '${id}'`, "resource_missing"), 404);
    }
    const { events, subscription: canceled } = lifecycleEvents(
      "cancel",
      subscription,
      Math.floor(Date.now() / 1000),
    );
    state.subscriptions.set(id, canceled);
    // Stripe sends the event on its own, after answering.
    setTimeout(() => void state.deliver(events, 1, false), 0);
    return c.json(subscriptionObject(canceled));
  });
}
