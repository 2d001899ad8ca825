/**
 * The Stripe calls Maxis makes, over Stripe's REST API with `fetch` (no SDK: the official one adds
 * 32 KiB gzip and ~80 resource classes built per client for these few calls; see the commit that
 * added payments). Authenticated with the secret key, pinned to {@link STRIPE_API_VERSION}.
 */
import type { PlanDuration } from "../shop/types";
import { encodeStripeForm, type FormValue } from "./form-encode";
import { STRIPE_API_VERSION } from "./stripe-facts";

export interface StripeBindings {
  STRIPE_API_BASE: string;
  STRIPE_SECRET_KEY: string;
}

export class StripeApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string | undefined,
  ) {
    super(`Stripe API answered HTTP ${status}${code ? ` (${code})` : ""}`);
    this.name = "StripeApiError";
  }
}

export const stripeConfigured = (env: StripeBindings): boolean => Boolean(env.STRIPE_SECRET_KEY);

export async function stripeRequest<T>(
  env: StripeBindings,
  method: "GET" | "POST" | "DELETE",
  path: string,
  params?: Record<string, FormValue>,
  idempotencyKey?: string,
): Promise<T> {
  const headers = new Headers({
    Authorization: `Bearer ${env.STRIPE_SECRET_KEY}`,
    "Stripe-Version": STRIPE_API_VERSION,
  });
  if (params) headers.set("Content-Type", "application/x-www-form-urlencoded");
  if (idempotencyKey) headers.set("Idempotency-Key", idempotencyKey);
  const response = await fetch(`${env.STRIPE_API_BASE.replace(/\/$/, "")}${path}`, {
    method,
    headers,
    ...(params ? { body: encodeStripeForm(params) } : {}),
    // Called while Discord (3 seconds at most) or Stripe waits for the answer: a slow Stripe is an error, not a hang.
    signal: AbortSignal.timeout(2_000),
  });
  const body = (await response.json().catch(() => ({}))) as { error?: { code?: string } };
  if (!response.ok) throw new StripeApiError(response.status, body.error?.code);
  return body as T;
}

export interface CheckoutRequest {
  guildId: string;
  userId: string;
  planId: string;
  planName: string;
  promotionId: number | null;
  /** What /shop showed: the promoted price when a promotion is live. Integer cents. */
  amountCents: number;
  currency: string;
  /** How long one payment lasts: a subscription renewing each week, month or year, or once for good. */
  duration: PlanDuration;
  locale: "fr" | "en";
  /** Where Stripe sends the member back: their server in Discord. */
  returnUrl: string;
  /** The interaction id: a retried request never creates two sessions. */
  idempotencyKey: string;
  /** The member's Stripe customer in this server, when the ledger knows one: one billing portal for all. */
  customerId: string | null;
}

export interface CheckoutSession {
  id: string;
  url: string;
}

/** A lifetime plan is paid once (mode=payment); the others renew (mode=subscription). */
export const checkoutMode = (duration: PlanDuration): "payment" | "subscription" =>
  duration === "lifetime" ? "payment" : "subscription";

export function createCheckoutSession(
  env: StripeBindings,
  request: CheckoutRequest,
): Promise<CheckoutSession> {
  const metadata = {
    guild_id: request.guildId,
    user_id: request.userId,
    plan_id: request.planId,
    promotion_id: request.promotionId ?? undefined,
  };
  const priceData = {
    currency: request.currency.toLowerCase(),
    unit_amount: request.amountCents,
    product_data: { name: request.planName, metadata: { plan_id: request.planId } },
  };
  const common = {
    ...(request.customerId ? { customer: request.customerId } : {}),
    locale: request.locale,
    client_reference_id: `${request.guildId}:${request.userId}`,
    success_url: request.returnUrl,
    cancel_url: request.returnUrl,
    metadata,
  };
  const params: Record<string, FormValue> =
    request.duration === "lifetime"
      ? {
          mode: "payment",
          ...common,
          // A customer even for a one-time payment: its receipts, and /subscription's billing portal.
          ...(request.customerId ? {} : { customer_creation: "always" }),
          line_items: [{ quantity: 1, price_data: priceData }],
          // Copied onto the PaymentIntent, so its refunds and disputes say whose payment it was.
          payment_intent_data: { metadata },
        }
      : {
          mode: "subscription",
          ...common,
          line_items: [
            { quantity: 1, price_data: { ...priceData, recurring: { interval: request.duration } } },
          ],
          // Copied onto the subscription, so its invoices and events say whose it is.
          subscription_data: { metadata },
        };
  return stripeRequest<CheckoutSession>(env, "POST", "/v1/checkout/sessions", params, request.idempotencyKey);
}

export function createPortalSession(
  env: StripeBindings,
  customerId: string,
  returnUrl: string,
  locale: "fr" | "en",
): Promise<{ id: string; url: string }> {
  return stripeRequest(env, "POST", "/v1/billing_portal/sessions", {
    customer: customerId,
    return_url: returnUrl,
    locale,
  });
}

/**
 * Cancels a subscription at once (`DELETE /v1/subscriptions/{id}`). Stripe answers "No such
 * subscription" (404, resource_missing) for one already canceled: that counts as done too. Any other
 * failure throws.
 */
export async function cancelSubscription(env: StripeBindings, subscriptionId: string): Promise<void> {
  try {
    await stripeRequest(env, "DELETE", `/v1/subscriptions/${encodeURIComponent(subscriptionId)}`);
  } catch (error) {
    if (error instanceof StripeApiError && error.status === 404 && error.code === "resource_missing") return;
    throw error;
  }
}

export interface CheckoutSessionState {
  id: string;
  status: "open" | "complete" | "expired";
}

/** Expires an open Checkout Session: it can no longer be paid. Stripe refuses one that is not open. */
export const expireCheckoutSession = (env: StripeBindings, sessionId: string) =>
  stripeRequest<CheckoutSessionState>(
    env,
    "POST",
    `/v1/checkout/sessions/${encodeURIComponent(sessionId)}/expire`,
    {},
  );

export const retrieveCheckoutSession = (env: StripeBindings, sessionId: string) =>
  stripeRequest<CheckoutSessionState>(env, "GET", `/v1/checkout/sessions/${encodeURIComponent(sessionId)}`);
