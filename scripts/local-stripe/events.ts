/**
 * Stripe-shaped events (API version 2024-06-20) for one subscription's life, as Stripe would send them:
 * the local Stripe stand-in delivers these, and the Worker tests post them. Pure: no Node APIs.
 */

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

export interface StripeEvent {
  id: string;
  object: "event";
  api_version: string;
  type: string;
  created: number;
  livemode: false;
  data: { object: Record<string, unknown> };
}

const MONTH_SECONDS = 30 * 86_400;
let counter = 0;
/** Stripe-looking ids, unique within a run and across runs. */
export function localId(prefix: string): string {
  counter += 1;
  return `${prefix}_local${Date.now().toString(36)}${counter.toString(36)}${Math.random().toString(36).slice(2, 8)}`;
}

function event(type: string, object: Record<string, unknown>, created: number): StripeEvent {
  return {
    id: localId("evt"),
    object: "event",
    api_version: "2024-06-20",
    type,
    created,
    livemode: false,
    data: { object },
  };
}

const subscriptionObject = (sub: LocalSubscription) => ({
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
  session: { id: string; metadata: Record<string, string>; amountCents: number; currency: string },
  now: number,
): LocalSubscription {
  return {
    id: localId("sub"),
    customer: localId("cus"),
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
          event("customer.subscription.created", subscriptionObject(sub), now),
          event("checkout.session.completed", session, now),
          event("invoice.paid", invoiceObject(sub, true, sub.periodEnd), now),
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
          event("invoice.paid", invoiceObject(next, true, next.periodEnd), now),
          event("customer.subscription.updated", subscriptionObject(next), now),
        ],
      };
    }
    case "fail": {
      const next = { ...sub, status: "past_due" as const };
      return {
        subscription: next,
        events: [
          event(
            "invoice.payment_failed",
            invoiceObject({ ...next, charge: localId("ch") }, false, sub.periodEnd),
            now,
          ),
          event("customer.subscription.updated", subscriptionObject(next), now),
        ],
      };
    }
    case "cancel": {
      const next = { ...sub, status: "canceled" as const };
      return {
        subscription: next,
        events: [event("customer.subscription.deleted", subscriptionObject(next), now)],
      };
    }
    case "refund":
      return {
        subscription: sub,
        events: [
          event(
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
          event(
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

/** A one-time Checkout's payment (mode=payment: a lifetime plan), keyed by its PaymentIntent. */
export interface LocalPayment {
  id: string;
  customer: string;
  metadata: Record<string, string>;
  amountCents: number;
  currency: string;
  charge: string;
  sessionId: string;
}

export function newPayment(session: {
  id: string;
  metadata: Record<string, string>;
  amountCents: number;
  currency: string;
}): LocalPayment {
  return {
    id: localId("pi"),
    customer: localId("cus"),
    metadata: session.metadata,
    amountCents: session.amountCents,
    currency: session.currency,
    charge: localId("ch"),
    sessionId: session.id,
  };
}

export type PaymentStep = "complete" | "refund" | "dispute";

/**
 * A one-time payment's events, as Stripe sends them (API version 2024-06-20):
 *   complete  payment_intent.succeeded (Maxis ignores it), checkout.session.completed (mode payment)
 *   refund    charge.refunded (in full; the charge names its PaymentIntent)
 *   dispute   charge.dispute.created (names the charge and the PaymentIntent)
 */
export function paymentEvents(step: PaymentStep, payment: LocalPayment, now: number): StripeEvent[] {
  switch (step) {
    case "complete":
      return [
        event(
          "payment_intent.succeeded",
          {
            id: payment.id,
            object: "payment_intent",
            amount: payment.amountCents,
            currency: payment.currency,
            customer: payment.customer,
            latest_charge: payment.charge,
            metadata: payment.metadata,
            status: "succeeded",
          },
          now,
        ),
        event(
          "checkout.session.completed",
          {
            id: payment.sessionId,
            object: "checkout.session",
            mode: "payment",
            customer: payment.customer,
            subscription: null,
            payment_intent: payment.id,
            payment_status: "paid",
            status: "complete",
            amount_total: payment.amountCents,
            currency: payment.currency,
            metadata: payment.metadata,
          },
          now,
        ),
      ];
    case "refund":
      return [
        event(
          "charge.refunded",
          {
            id: payment.charge,
            object: "charge",
            customer: payment.customer,
            payment_intent: payment.id,
            amount: payment.amountCents,
            amount_refunded: payment.amountCents,
            refunded: true,
            currency: payment.currency,
            metadata: payment.metadata,
          },
          now,
        ),
      ];
    case "dispute":
      return [
        event(
          "charge.dispute.created",
          {
            id: localId("dp"),
            object: "dispute",
            charge: payment.charge,
            payment_intent: payment.id,
            amount: payment.amountCents,
            currency: payment.currency,
            status: "needs_response",
          },
          now,
        ),
      ];
  }
}
