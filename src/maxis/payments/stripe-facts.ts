/**
 * Pure: what one Stripe event says, reduced to the facts the ledger keeps (`payments_record_stripe_event`).
 * Maxis pins Stripe API version {@link STRIPE_API_VERSION} (its own calls send it; the webhook endpoint
 * is created with it), so the objects have the shapes read here: an invoice names its subscription and
 * charge, a charge its invoice, a dispute its charge.
 *
 * `effect` is what the event says about the subscription's status: `active` (paid), `grace` (a payment
 * failed; Stripe retries), `ended`. The database decides from all the facts together, so the order in
 * which events arrive does not matter.
 */
import { err, ok, type Result } from "../../shared/result";

export const STRIPE_API_VERSION = "2024-06-20";

/** The events the webhook endpoint subscribes to. */
export const HANDLED_STRIPE_EVENTS = [
  "checkout.session.completed",
  "invoice.paid",
  "invoice.payment_failed",
  "customer.subscription.created",
  "customer.subscription.updated",
  "customer.subscription.deleted",
  "charge.refunded",
  "charge.dispute.created",
] as const;
export type HandledStripeEvent = (typeof HANDLED_STRIPE_EVENTS)[number];

export interface StripeFact {
  id: string;
  type: HandledStripeEvent;
  /** Unix seconds, Stripe's `created`. */
  created: number;
  subscription_id: string | null;
  charge_id: string | null;
  customer_id: string | null;
  /** A one-time Checkout's PaymentIntent (lifetime plans), and that of a refunded or disputed charge. */
  payment_intent_id: string | null;
  /** The Checkout Session a checkout.session.completed event says was paid. */
  checkout_session_id: string | null;
  guild_id: string | null;
  user_id: string | null;
  plan_id: string | null;
  promotion_id: number | null;
  effect: "active" | "grace" | "ended" | null;
  period_end: number | null;
  amount_cents: number | null;
  currency: string | null;
}

/** Why an event gives no fact: a type Maxis does not handle, or a field that is not what Stripe sends. */
export type NoFact = { code: "ignored"; type: string } | { code: "invalid"; field: string };

export type FactResult = Result<StripeFact, NoFact>;

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const str = (value: unknown, pattern: RegExp): string | null =>
  typeof value === "string" && pattern.test(value) ? value : null;
const int = (value: unknown): number | null =>
  typeof value === "number" && Number.isSafeInteger(value) && value >= 0 ? value : null;
/** An expandable field: the id, or the expanded object's id. */
const idOf = (value: unknown, pattern: RegExp): string | null =>
  str(isObject(value) ? value["id"] : value, pattern);

const SNOWFLAKE = /^\d{17,20}$/;
const SUBSCRIPTION = /^sub_[A-Za-z0-9_]{1,200}$/;
const CHARGE = /^(ch|py)_[A-Za-z0-9_]{1,200}$/;
const CUSTOMER = /^cus_[A-Za-z0-9_]{1,200}$/;
const PAYMENT_INTENT = /^pi_[A-Za-z0-9_]{1,200}$/;
const PLAN = /^[a-z0-9][a-z0-9-]{0,31}$/;

/** The metadata Maxis writes on the Checkout Session and its subscription. */
function who(metadata: unknown): Pick<StripeFact, "guild_id" | "user_id" | "plan_id" | "promotion_id"> {
  const m = isObject(metadata) ? metadata : {};
  const promotion = str(m["promotion_id"], /^\d{1,15}$/);
  return {
    guild_id: str(m["guild_id"], SNOWFLAKE),
    user_id: str(m["user_id"], SNOWFLAKE),
    plan_id: str(m["plan_id"], PLAN),
    promotion_id: promotion ? Number(promotion) : null,
  };
}

const subscriptionEffect: Record<string, StripeFact["effect"]> = {
  active: "active",
  trialing: "active",
  past_due: "grace",
  unpaid: "grace",
  canceled: "ended",
  incomplete_expired: "ended",
};

export function stripeFact(event: unknown): FactResult {
  if (!isObject(event)) return err({ code: "invalid", field: "event" });
  const id = str(event["id"], /^evt_[A-Za-z0-9_]{1,200}$/);
  if (!id) return err({ code: "invalid", field: "id" });
  const type = typeof event["type"] === "string" ? event["type"] : null;
  if (!type) return err({ code: "invalid", field: "type" });
  if (!(HANDLED_STRIPE_EVENTS as readonly string[]).includes(type)) return err({ code: "ignored", type });
  const created = int(event["created"]);
  if (created === null) return err({ code: "invalid", field: "created" });
  const data = event["data"];
  const object = isObject(data) ? data["object"] : undefined;
  if (!isObject(object)) return err({ code: "invalid", field: "data.object" });

  const base: StripeFact = {
    id,
    type: type as HandledStripeEvent,
    created,
    subscription_id: null,
    charge_id: null,
    customer_id: idOf(object["customer"], CUSTOMER),
    payment_intent_id: idOf(object["payment_intent"], PAYMENT_INTENT),
    checkout_session_id: null,
    guild_id: null,
    user_id: null,
    plan_id: null,
    promotion_id: null,
    effect: null,
    period_end: null,
    amount_cents: null,
    currency: str(object["currency"], /^[a-zA-Z]{3}$/)?.toUpperCase() ?? null,
  };

  switch (base.type) {
    case "checkout.session.completed":
      // mode=subscription names its subscription; mode=payment (a lifetime plan) its PaymentIntent.
      return ok({
        ...base,
        ...who(object["metadata"]),
        subscription_id: idOf(object["subscription"], SUBSCRIPTION),
        checkout_session_id: str(object["id"], /^cs_[A-Za-z0-9_]{1,200}$/),
        effect: object["payment_status"] === "paid" ? "active" : null,
        amount_cents: int(object["amount_total"]),
      });
    case "invoice.paid":
    case "invoice.payment_failed": {
      const lines = isObject(object["lines"]) ? object["lines"]["data"] : undefined;
      const firstLine = Array.isArray(lines) && isObject(lines[0]) ? lines[0] : {};
      const period = isObject(firstLine["period"]) ? firstLine["period"] : {};
      const details = isObject(object["subscription_details"]) ? object["subscription_details"] : {};
      const paid = base.type === "invoice.paid";
      return ok({
        ...base,
        ...who(details["metadata"]),
        subscription_id: idOf(object["subscription"], SUBSCRIPTION),
        charge_id: idOf(object["charge"], CHARGE),
        effect: paid ? "active" : "grace",
        period_end: paid ? int(period["end"]) : null,
        amount_cents: paid ? int(object["amount_paid"]) : int(object["amount_due"]),
      });
    }
    case "customer.subscription.created":
    case "customer.subscription.updated":
    case "customer.subscription.deleted":
      return ok({
        ...base,
        ...who(object["metadata"]),
        subscription_id: str(object["id"], SUBSCRIPTION),
        effect:
          base.type === "customer.subscription.deleted"
            ? "ended"
            : (subscriptionEffect[String(object["status"])] ?? null),
        period_end: int(object["current_period_end"]),
      });
    case "charge.refunded":
      // A partial refund is recorded (revenue) but leaves the plan running; a full one ends it.
      return ok({
        ...base,
        charge_id: str(object["id"], CHARGE),
        effect: object["refunded"] === true ? "ended" : null,
        amount_cents: int(object["amount_refunded"]),
      });
    case "charge.dispute.created":
      return ok({
        ...base,
        charge_id: idOf(object["charge"], CHARGE),
        effect: "ended",
        amount_cents: int(object["amount"]),
      });
  }
}
