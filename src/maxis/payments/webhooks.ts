/**
 * `POST /webhooks/stripe` and `POST /webhooks/discord`: payments arriving from outside.
 *
 * Stripe: the body is read (bounded), its `Stripe-Signature` checked on the raw bytes BEFORE anything
 * parses it (a bad one: 400, logged, nothing stored), then reduced to its facts and stored once by
 * event id. A repeat answers 200 and changes nothing; a database failure answers 500 so Stripe sends
 * it again. Role changes it caused are made right after the answer (and retried by the scheduled pass).
 * A subscription a full refund or a dispute ended is canceled at Stripe before answering (a failure:
 * 500, and the redelivery, a repeat for the ledger, cancels again).
 *
 * Discord (Premium Apps' webhook events): signed with Ed25519 like interactions, within the same
 * 5-minute window; PING answers 204; ENTITLEMENT_CREATE|UPDATE|DELETE update the ledger.
 */
import { type Context, Hono } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { isFreshTimestamp } from "../../shared/discord/freshness";
import { readBodyWithin } from "../../shared/discord/read-body";
import { verifyDiscordSignature } from "../../shared/discord/signature";
import { acceptLanguageLocale, type MessageKey, type MessageParams, translatorFor } from "../../shared/i18n";
import { entitlementRecord } from "./discord-entitlements";
import { type RecordedStripeFact, recordDiscordEntitlement, recordStripeFact } from "./ledger";
import { drainRoleChanges } from "./roles";
import { cancelSubscription } from "./stripe-api";
import { stripeFact } from "./stripe-facts";
import { verifyStripeSignature } from "./stripe-signature";

/** Stripe events are a few KiB; a large invoice with many lines stays far below this. */
const MAX_BODY_BYTES = 256 * 1024;

type HookContext = Context<{ Bindings: MaxisEnv }>;

function refuse(
  c: HookContext,
  status: ContentfulStatusCode,
  code: string,
  key: MessageKey,
  params?: MessageParams,
) {
  const t = translatorFor(acceptLanguageLocale(c.req.header("Accept-Language")));
  return c.json({ error: { code, message: t(key, params) } }, status);
}

/** Role changes after the answer: the webhook is acknowledged whether or not Discord is reachable. */
function drainSoon(c: HookContext) {
  c.executionCtx.waitUntil(
    drainRoleChanges(c.env).catch((error) => console.error("payments: drain after webhook failed", error)),
  );
}

export const paymentWebhooks = new Hono<{ Bindings: MaxisEnv }>();

paymentWebhooks.post("/stripe", async (c) => {
  const raw = await readBodyWithin(c.req.raw, MAX_BODY_BYTES);
  if (raw === undefined) {
    return refuse(c, 413, "body_too_large", "payments.http.body_too_large", { kib: MAX_BODY_BYTES / 1024 });
  }
  const signature = await verifyStripeSignature(
    c.env.STRIPE_WEBHOOK_SECRET,
    c.req.header("Stripe-Signature"),
    raw,
  );
  if (!signature.ok) {
    console.warn("payments: Stripe webhook refused", { reason: signature.error });
    return refuse(c, 400, "invalid_signature", "payments.http.invalid_signature");
  }
  let event: unknown;
  try {
    event = JSON.parse(raw);
  } catch {
    return refuse(c, 400, "invalid_json", "payments.http.invalid_json");
  }
  const result = stripeFact(event);
  if (!result.ok) {
    const skip = result.error;
    return skip.code === "ignored"
      ? c.json({ received: true, ignored: skip.type })
      : refuse(c, 400, "invalid_event", "payments.http.invalid_event", { field: skip.field });
  }
  const fact = result.value;
  let recorded: RecordedStripeFact;
  try {
    recorded = await recordStripeFact(c.env, fact);
  } catch (error) {
    console.error("payments: could not record a Stripe event", { id: fact.id, error });
    return refuse(c, 500, "unavailable", "payments.http.unavailable");
  }
  if (!recorded.duplicate) drainSoon(c);
  if (recorded.cancel_subscription) {
    // Ended by a full refund or a dispute: Stripe must stop billing it. If Stripe cannot be reached,
    // a 500 makes it deliver this event again, and the ledger asks for the cancel again.
    try {
      await cancelSubscription(c.env, recorded.cancel_subscription);
    } catch (error) {
      console.error("payments: could not cancel a subscription at Stripe", {
        event: fact.id,
        subscription: recorded.cancel_subscription,
        error: String(error),
      });
      return refuse(c, 500, "cancel_failed", "payments.http.cancel_failed");
    }
  }
  return c.json({ received: true, duplicate: recorded.duplicate });
});

interface DiscordWebhookBody {
  type?: unknown;
  event?: { type?: unknown; data?: unknown };
}

const ENTITLEMENT_EVENTS = new Set(["ENTITLEMENT_CREATE", "ENTITLEMENT_UPDATE", "ENTITLEMENT_DELETE"]);

paymentWebhooks.post("/discord", async (c) => {
  const raw = await readBodyWithin(c.req.raw, MAX_BODY_BYTES);
  if (raw === undefined) {
    return refuse(c, 413, "body_too_large", "payments.http.body_too_large", { kib: MAX_BODY_BYTES / 1024 });
  }
  const timestamp = c.req.header("X-Signature-Timestamp");
  const signed = await verifyDiscordSignature(
    c.env.DISCORD_PUBLIC_KEY,
    c.req.header("X-Signature-Ed25519"),
    timestamp,
    raw,
  );
  if (!signed || !timestamp || !isFreshTimestamp(timestamp, Math.floor(Date.now() / 1000))) {
    console.warn("payments: Discord webhook event refused");
    return refuse(c, 401, "invalid_signature", "payments.http.invalid_signature");
  }
  let body: DiscordWebhookBody;
  try {
    body = JSON.parse(raw) as DiscordWebhookBody;
  } catch {
    return refuse(c, 400, "invalid_json", "payments.http.invalid_json");
  }
  // Type 0 is Discord's PING (checking the URL); type 1 an event.
  if (body.type === 0) return c.body(null, 204);
  const eventType = typeof body.event?.type === "string" ? body.event.type : "";
  if (body.type !== 1 || !ENTITLEMENT_EVENTS.has(eventType)) return c.body(null, 204);
  const record = entitlementRecord(
    body.event?.data,
    c.env.DISCORD_GUILD_ID || null,
    undefined,
    eventType === "ENTITLEMENT_DELETE",
  );
  if (!record) return refuse(c, 400, "invalid_event", "payments.http.invalid_event", { field: "event.data" });
  try {
    await recordDiscordEntitlement(c.env, record);
    drainSoon(c);
    return c.body(null, 204);
  } catch (error) {
    console.error("payments: could not record a Discord entitlement", { id: record.id, error });
    return refuse(c, 500, "unavailable", "payments.http.unavailable");
  }
});
