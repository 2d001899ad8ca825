/**
 * Stripe-shaped events (API version 2024-06-20) for one subscription's life, as Stripe would send them:
 * the local Stripe stand-in delivers these, and the Worker tests post them. Pure: no Node APIs.
 * One-time payments are in payment-events.ts.
 */

import { localId, type StripeEvent, stripeEvent } from "./stripe-event";

export interface LocalSubscription {
  id: string;
  customer: string;
  /** What Maxis wrote on the Checkout Session (guild_id, user_id, plan_id, promotion_id). */
  metadata: Record<string, string>;
  amountCents: number;
  /** Lower-case, as Stripe writes it. */
  currency: string;
  status: "active" | "past_due" | "canceled";
  /** Unix seconds. */
  periodEnd: number;
  /** The latest paid invoice's charge. */
  charge: string;
  sessionId: string;
}

const MONTH_SECONDS = 30 * 86_400;
/** A subscription as Stripe's API answers it and its events carry it. */
export const subscriptionObject = (sub: LocalSubscription) => ({
  id: sub.id,
  object: "subscription",
  customer: sub.customer,
  status: sub.status,
  current_period_end: sub.periodEnd,
  metadata: sub.metadata,
});

function invoiceObject(sub: LocalSubscription, paid: boolean, periodEnd: number) {
  return {
    id: localId("in"),
    object: "invoice",
    customer: sub.customer,
    subscription: sub.id,
    charge: sub.charge,
    currency: sub.currency,
    amount_paid: paid ? sub.amountCents : 0,
    amount_due: sub.amountCents,
    paid,
    subscription_details: { metadata: sub.metadata },
    lines: { data: [{ period: { start: periodEnd - MONTH_SECONDS, end: periodEnd } }] },
  };
}

/** A new subscription for a completed Checkout Session: what `complete` creates. */
export function newSubscription(
  session: {
    id: string;
    metadata: Record<string, string>;
    amountCents: number;
    currency: string;
    /** The customer the session was opened for; Stripe creates one otherwise. */
    customer?: string | undefined;
  },
  now: number,
): LocalSubscription {
  return {
    id: localId("sub"),
    customer: session.customer ?? localId("cus"),
    metadata: session.metadata,
    amountCents: session.amountCents,
    currency: session.currency,
    status: "active",
    periodEnd: now + MONTH_SECONDS,
    charge: localId("ch"),
    sessionId: session.id,
  };
}

export type LifecycleStep = "complete" | "renew" | "fail" | "cancel" | "refund" | "dispute";
export const LIFECYCLE_STEPS: readonly LifecycleStep[] = [
  "complete",
  "renew",
  "fail",
  "cancel",
  "refund",
  "dispute",
];

/**
 * The events one step sends, in Stripe's usual order, and the subscription's state after it:
 *   complete  customer.subscription.created, checkout.session.completed, invoice.paid
 *   renew     invoice.paid (a new period, a new charge), customer.subscription.updated (active)
 *   fail      invoice.payment_failed, customer.subscription.updated (past_due)
 *   cancel    customer.subscription.deleted
 *   refund    charge.refunded (the latest charge, in full)
 *   dispute   charge.dispute.created (the latest charge)
 */
export function lifecycleEvents(
  step: LifecycleStep,
  sub: LocalSubscription,
  now: number,
): { events: StripeEvent[]; subscription: LocalSubscription } {
  switch (step) {
    case "complete": {
      const session = {
        id: sub.sessionId,
        object: "checkout.session",
        mode: "subscription",
        customer: sub.customer,
        subscription: sub.id,
        payment_status: "paid",
        status: "complete",
        amount_total: sub.amountCents,
        currency: sub.currency,
        metadata: sub.metadata,
      };
      return {
        subscription: sub,
        events: [
          stripeEvent("customer.subscription.created", subscriptionObject(sub), now),
          stripeEvent("checkout.session.completed", session, now),
          stripeEvent("invoice.paid", invoiceObject(sub, true, sub.periodEnd), now),
        ],
      };
    }
    case "renew": {
      const next = {
        ...sub,
        status: "active" as const,
        periodEnd: sub.periodEnd + MONTH_SECONDS,
        charge: localId("ch"),
      };
      return {
        subscription: next,
        events: [
          stripeEvent("invoice.paid", invoiceObject(next, true, next.periodEnd), now),
          stripeEvent("customer.subscription.updated", subscriptionObject(next), now),
        ],
      };
    }
    case "fail": {
      const next = { ...sub, status: "past_due" as const };
      return {
        subscription: next,
        events: [
          stripeEvent(
            "invoice.payment_failed",
            invoiceObject({ ...next, charge: localId("ch") }, false, sub.periodEnd),
            now,
          ),
          stripeEvent("customer.subscription.updated", subscriptionObject(next), now),
        ],
      };
    }
    case "cancel": {
      const next = { ...sub, status: "canceled" as const };
      return {
        subscription: next,
        events: [stripeEvent("customer.subscription.deleted", subscriptionObject(next), now)],
      };
    }
    case "refund":
      return {
        subscription: sub,
        events: [
          stripeEvent(
            "charge.refunded",
            {
              id: sub.charge,
              object: "charge",
              customer: sub.customer,
              amount: sub.amountCents,
              amount_refunded: sub.amountCents,
              refunded: true,
              currency: sub.currency,
            },
            now,
          ),
        ],
      };
    case "dispute":
      return {
        subscription: sub,
        events: [
          stripeEvent(
            "charge.dispute.created",
            {
              id: localId("dp"),
              object: "dispute",
              charge: sub.charge,
              amount: sub.amountCents,
              currency: sub.currency,
              status: "needs_response",
            },
            now,
          ),
        ],
      };
  }
}

export { type LocalPayment, newPayment, type PaymentStep, paymentEvents } from "./payment-events";
export { localId, type StripeEvent } from "./stripe-event";
