/** A one-time Checkout's payment (a lifetime plan) and its Stripe events. Pure: no Node APIs. */
import { localId, type StripeEvent, stripeEvent } from "./stripe-event";

/** The payment of a one-time Checkout (mode=payment), keyed by its PaymentIntent. */
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
  customer?: string | undefined;
}): LocalPayment {
  return {
    id: localId("pi"),
    customer: session.customer ?? localId("cus"),
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
        stripeEvent(
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
        stripeEvent(
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
        stripeEvent(
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
        stripeEvent(
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
