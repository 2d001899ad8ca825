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
import { err, ok, type Result } from "../../shared/result";
import { recordRefusal } from "./audit";
import { nonceStore } from "./nonce-store";

/** Larger bodies are refused before hashing; real control requests are well under 4 KiB. */
const MAX_BODY_BYTES = 64 * 1024;

const REFUSAL_MESSAGES: Record<ControlRefusal | "body_too_large", string> = {
  query_not_signed: "The signature does not cover a query string: send none.",
  missing_headers: "The control signature headers are missing.",
  unknown_key: "This key id is not configured on this Maxis.",
  malformed_timestamp: "X-Control-Timestamp must be Unix seconds.",
  stale_timestamp: "X-Control-Timestamp is more than 60 seconds away from this Maxis's clock.",
  malformed_nonce: "X-Control-Nonce must be 32 lowercase hex characters.",
  malformed_signature: "X-Control-Signature must be v1= followed by 64 lowercase hex characters.",
  bad_signature: "The signature does not match this request.",
  replayed_nonce: "This nonce was already used.",
  body_too_large: "The body is too large.",
};

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
    return err(c.json({ error: { code, message: REFUSAL_MESSAGES[code] } }, 401));
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
