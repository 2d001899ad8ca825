/**
 * Stripe webhook signatures, exactly as Stripe specifies them: the `Stripe-Signature` header is
 * `t=<unix seconds>,v1=<hex>[,v1=<hex>…]` (several v1 during a secret's rotation), each v1 the
 * HMAC-SHA256, keyed with the endpoint's signing secret, of `<t>.<raw body>`. A timestamp further than
 * the tolerance from now is refused (replays), and the comparison is constant-time
 * (`crypto.subtle.verify`). Checked on the raw body, before anything parses it.
 */
import { err, ok, type Result } from "../../shared/result";

/** Stripe's libraries default to five minutes. */
export const STRIPE_SIGNATURE_TOLERANCE_SECONDS = 300;

export type StripeSignatureRefusal = "missing" | "malformed" | "stale" | "mismatch";
/** The signed timestamp (Unix seconds), or why the signature is refused. */
export type StripeSignatureResult = Result<number, StripeSignatureRefusal>;

interface ParsedHeader {
  timestamp: number;
  signatures: Uint8Array<ArrayBuffer>[];
}

/** Pure: the header's timestamp and its v1 signatures (other schemes, such as v0, are ignored). */
export function parseStripeSignatureHeader(header: string): ParsedHeader | null {
  let timestamp: number | null = null;
  const signatures: Uint8Array<ArrayBuffer>[] = [];
  for (const part of header.split(",")) {
    const at = part.indexOf("=");
    if (at < 1) continue;
    const key = part.slice(0, at).trim();
    const value = part.slice(at + 1).trim();
    if (key === "t" && /^\d{1,12}$/.test(value)) timestamp = Number(value);
    if (key === "v1") {
      const bytes = hexBytes(value);
      if (bytes) signatures.push(bytes);
    }
  }
  return timestamp === null || signatures.length === 0 ? null : { timestamp, signatures };
}

function hexBytes(hex: string): Uint8Array<ArrayBuffer> | null {
  if (!/^[0-9a-f]{64}$/i.test(hex)) return null;
  const bytes = new Uint8Array(32);
  for (let i = 0; i < 32; i++) bytes[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}

const encoder = new TextEncoder();

async function hmacKey(secret: string): Promise<CryptoKey> {
  return crypto.subtle.importKey("raw", encoder.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, [
    "sign",
    "verify",
  ]);
}

export async function verifyStripeSignature(
  secret: string,
  header: string | null | undefined,
  rawBody: string,
  nowSeconds = Math.floor(Date.now() / 1000),
  toleranceSeconds = STRIPE_SIGNATURE_TOLERANCE_SECONDS,
): Promise<StripeSignatureResult> {
  if (!header || !secret) return err("missing");
  const parsed = parseStripeSignatureHeader(header);
  if (!parsed) return err("malformed");
  if (Math.abs(nowSeconds - parsed.timestamp) > toleranceSeconds) return err("stale");
  const key = await hmacKey(secret);
  const signed = encoder.encode(`${parsed.timestamp}.${rawBody}`);
  for (const signature of parsed.signatures) {
    if (await crypto.subtle.verify("HMAC", key, signature, signed)) {
      return ok(parsed.timestamp);
    }
  }
  return err("mismatch");
}

/** What Stripe sends (and the local stand-in and tests send the same way). */
export async function stripeSignatureHeader(
  secret: string,
  rawBody: string,
  timestamp = Math.floor(Date.now() / 1000),
): Promise<string> {
  const mac = new Uint8Array(
    await crypto.subtle.sign("HMAC", await hmacKey(secret), encoder.encode(`${timestamp}.${rawBody}`)),
  );
  const hex = [...mac].map((byte) => byte.toString(16).padStart(2, "0")).join("");
  return `t=${timestamp},v1=${hex}`;
}
