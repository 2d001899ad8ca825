import { err, ok, type Result } from "../result";
import { canonicalString, fromHex, sha256Hex } from "./canonical";
import { CONTROL_HEADERS, CONTROL_WINDOW_SECONDS } from "./protocol";
import { hmacKey } from "./sign";

export type ControlRefusal =
  | "query_not_signed"
  | "missing_headers"
  | "unknown_key"
  | "malformed_timestamp"
  | "stale_timestamp"
  | "malformed_nonce"
  | "malformed_signature"
  | "bad_signature"
  | "replayed_nonce";

export interface VerifiedControlRequest {
  keyId: string;
  nonce: string;
  /** Unix seconds, as signed. */
  timestamp: number;
}

export interface RefusedControlRequest {
  code: ControlRefusal;
  /**
   * The key id the request claimed, only when this Maxis has it configured: a refused request is
   * anyone's text, so nothing else it says is kept.
   */
  knownKeyId: string | null;
}

export type ControlVerification = Result<VerifiedControlRequest, RefusedControlRequest>;

export interface VerifyInput {
  headers: Headers;
  method: string;
  /** The URL path the request arrived on. */
  path: string;
  /**
   * Whether the URL had a query (even a bare `?`). The canonical string signs the path only, so a
   * query would ride along unsigned: such a request is refused.
   */
  hasQuery: boolean;
  rawBody: string;
  /** Key id → secret. Two entries during a rotation. */
  keys: ReadonlyMap<string, string>;
  /** Unix seconds. */
  now: number;
}

const encoder = new TextEncoder();
const NONCE = /^[0-9a-f]{32}$/;
const TIMESTAMP = /^\d{1,12}$/;
const SIGNATURE = /^v1=([0-9a-f]{64})$/;

/**
 * Checks everything the contract asks except nonce reuse, which needs a shared store (the caller's
 * job, after this succeeds, so forged requests never consume a nonce). The HMAC comparison is
 * `crypto.subtle.verify`, which is constant-time.
 */
export async function verifyControlSignature(input: VerifyInput): Promise<ControlVerification> {
  const keyId = input.headers.get(CONTROL_HEADERS.keyId);
  const timestamp = input.headers.get(CONTROL_HEADERS.timestamp);
  const nonce = input.headers.get(CONTROL_HEADERS.nonce);
  const signature = input.headers.get(CONTROL_HEADERS.signature);
  const knownKeyId = keyId !== null && input.keys.has(keyId) ? keyId : null;
  const refuse = (code: ControlRefusal): ControlVerification => err({ code, knownKeyId });

  if (input.hasQuery) return refuse("query_not_signed");
  if (!keyId || !timestamp || !nonce || !signature) return refuse("missing_headers");
  const secret = input.keys.get(keyId);
  if (secret === undefined) return refuse("unknown_key");
  if (!TIMESTAMP.test(timestamp)) return refuse("malformed_timestamp");
  if (Math.abs(input.now - Number(timestamp)) > CONTROL_WINDOW_SECONDS) return refuse("stale_timestamp");
  if (!NONCE.test(nonce)) return refuse("malformed_nonce");
  const mac = fromHex(SIGNATURE.exec(signature)?.[1] ?? "");
  if (mac?.length !== 32) return refuse("malformed_signature");

  const canonical = canonicalString({
    timestamp,
    nonce,
    method: input.method,
    path: input.path,
    bodySha256Hex: await sha256Hex(input.rawBody),
  });
  const valid = await crypto.subtle.verify("HMAC", await hmacKey(secret), mac, encoder.encode(canonical));
  if (!valid) return refuse("bad_signature");
  return ok({ keyId, nonce, timestamp: Number(timestamp) });
}

/** `{"keyId":"secret",…}` as configured in CONTROL_KEYS; anything else configures no key at all. */
export function parseControlKeys(json: string | undefined): Map<string, string> {
  const keys = new Map<string, string>();
  if (!json) return keys;
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return keys;
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return keys;
  for (const [keyId, secret] of Object.entries(parsed)) {
    if (/^[A-Za-z0-9._-]{1,64}$/.test(keyId) && typeof secret === "string" && secret.length >= 16) {
      keys.set(keyId, secret);
    }
  }
  return keys;
}
