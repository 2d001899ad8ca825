/** One Stripe-shaped event (API version 2024-06-20) and Stripe-looking ids. Pure: no Node APIs. */

export interface StripeEvent {
  id: string;
  object: "event";
  api_version: string;
  type: string;
  created: number;
  livemode: false;
  data: { object: Record<string, unknown> };
}

let counter = 0;
/** Stripe-looking ids, unique within a run and across runs. */
export function localId(prefix: string): string {
  counter += 1;
  return `${prefix}_local${Date.now().toString(36)}${counter.toString(36)}${Math.random().toString(36).slice(2, 8)}`;
}

export function stripeEvent(type: string, object: Record<string, unknown>, created: number): StripeEvent {
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
