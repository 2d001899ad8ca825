import { canonicalString, sha256Hex, toHex } from "./canonical";
import { CONTROL_HEADERS } from "./protocol";

export interface ControlKey {
  keyId: string;
  /** The shared secret, as configured (any string; at least 32 random bytes recommended). */
  secret: string;
}

const encoder = new TextEncoder();

/** Imported HMAC keys, by secret: importing costs more than signing, and secrets rarely change. */
const importedKeys = new Map<string, Promise<CryptoKey>>();

export function hmacKey(secret: string): Promise<CryptoKey> {
  let key = importedKeys.get(secret);
  if (!key) {
    key = crypto.subtle.importKey("raw", encoder.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, [
      "sign",
      "verify",
    ]);
    if (importedKeys.size > 32) importedKeys.clear();
    importedKeys.set(secret, key);
  }
  return key;
}

/** Drops the imported keys (a soft restart does, so a rotated secret is read afresh). */
export function forgetHmacKeys(): void {
  importedKeys.clear();
}

/** 16 random bytes as 32 lowercase hex characters. */
export function newNonce(): string {
  return toHex(crypto.getRandomValues(new Uint8Array(16)));
}

export interface SignOptions {
  method: string;
  path: string;
  body: string;
  /** Unix seconds; defaults to now. */
  timestamp?: number;
  nonce?: string;
}

/** The four headers that make a control request acceptable to the Maxis holding the same key. */
export async function signControlRequest(
  key: ControlKey,
  options: SignOptions,
): Promise<Record<string, string>> {
  const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000));
  const nonce = options.nonce ?? newNonce();
  const canonical = canonicalString({
    timestamp,
    nonce,
    method: options.method,
    path: options.path,
    bodySha256Hex: await sha256Hex(options.body),
  });
  const mac = await crypto.subtle.sign("HMAC", await hmacKey(key.secret), encoder.encode(canonical));
  return {
    [CONTROL_HEADERS.keyId]: key.keyId,
    [CONTROL_HEADERS.timestamp]: timestamp,
    [CONTROL_HEADERS.nonce]: nonce,
    [CONTROL_HEADERS.signature]: `v1=${toHex(mac)}`,
  };
}
