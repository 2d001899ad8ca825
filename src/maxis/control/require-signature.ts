/**
 * The control API's door: no query string, key id, timestamp window, HMAC over the canonical string
 * (constant-time), then the nonce, claimed in the nonce store only once the signature holds (so
 * forgeries cannot burn nonces). Anything wrong answers 401 with the contract's error body, runs
 * nothing, and is counted in the refused calls (per minute and reason: never a row per request, and
 * nothing the request said but a configured key id).
 */
import type { Context } from "hono";
import { CONTROL_WINDOW_SECONDS } from "../../shared/control/protocol";
import {
  type ControlRefusal,
  parseControlKeys,
  type VerifiedControlRequest,
  verifyControlSignature,
} from "../../shared/control/verify";
import { acceptLanguageLocale, type MessageKey, translate } from "../../shared/i18n";
import { err, ok, type Result } from "../../shared/result";
import { recordRefusal } from "./audit";
import { nonceStore } from "./nonce-store";

/** Larger bodies are refused before hashing; real control requests are well under 4 KiB. */
const MAX_BODY_BYTES = 64 * 1024;

/** Each refusal's message, in the catalogue under the same name as its stable code. */
const refusalKey = (code: ControlRefusal | "body_too_large"): MessageKey => `control.refusal.${code}`;

export interface PassedDoor {
  verified: VerifiedControlRequest;
  rawBody: string;
  path: string;
}

/** The verified call, or the 401 response that refuses it. */
export async function requireControlSignature(
  c: Context<{ Bindings: MaxisEnv }>,
): Promise<Result<PassedDoor, Response>> {
  const url = c.req.url;
  const path = new URL(url).pathname;
  const refuse = (code: ControlRefusal | "body_too_large", knownKeyId: string | null) => {
    c.executionCtx.waitUntil(recordRefusal(c.env, code, knownKeyId));
    const locale = acceptLanguageLocale(c.req.header("Accept-Language"));
    return err(c.json({ error: { code, message: translate(locale, refusalKey(code)) } }, 401));
  };

  const rawBody = await c.req.text();
  if (rawBody.length > MAX_BODY_BYTES) return refuse("body_too_large", null);
  const verification = await verifyControlSignature({
    headers: c.req.raw.headers,
    method: c.req.method,
    path,
    hasQuery: url.includes("?"),
    rawBody,
    keys: parseControlKeys(c.env.CONTROL_KEYS),
    now: Math.floor(Date.now() / 1000),
  });
  if (!verification.ok) return refuse(verification.error.code, verification.error.knownKeyId);
  const verified = verification.value;

  // Past this second the timestamp check refuses the request anyway, so the nonce can be forgotten.
  const expiresAt = (verified.timestamp + CONTROL_WINDOW_SECONDS + 1) * 1000;
  if (!(await nonceStore(c.env).claim(verified.nonce, expiresAt))) {
    return refuse("replayed_nonce", verified.keyId);
  }
  return ok({ verified, rawBody, path });
}
