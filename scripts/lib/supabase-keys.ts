/**
 * The local stand-ins for a Supabase project's keys: an ES256 signing key in the shape
 * `supabase gen signing-key --algorithm ES256` prints, and publishable / secret API keys.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { parseEs256PrivateJwk, publicJwkOf } from "../../src/maxis/supabase/signing-key";
import type { PublicJwk } from "../local-supabase/rest/jwt";

/** A new P-256 private key as a one-line JWK with a random `kid`, as the Supabase CLI prints it. */
export async function generateSigningKey(): Promise<string> {
  const pair = (await crypto.subtle.generateKey({ name: "ECDSA", namedCurve: "P-256" }, true, [
    "sign",
    "verify",
  ])) as CryptoKeyPair;
  const { crv, x, y, d } = await crypto.subtle.exportKey("jwk", pair.privateKey);
  return JSON.stringify({
    kty: "EC",
    kid: randomUUID(),
    use: "sig",
    key_ops: ["sign", "verify"],
    alg: "ES256",
    ext: true,
    d,
    crv,
    x,
    y,
  });
}

export const newPublishableKey = () => `sb_publishable_${randomBytes(16).toString("base64url")}`;
export const newSecretKey = () => `sb_secret_${randomBytes(16).toString("base64url")}`;

/** The public JWKS of the given private keys (JWK JSON, as SUPABASE_JWT_SIGNING_KEY holds them). */
export function publicJwks(signingKeys: readonly string[]): PublicJwk[] {
  return signingKeys.map((text) => {
    const parsed = parseEs256PrivateJwk(text);
    if (!parsed.ok) throw new Error(`Supabase signing key ${parsed.error}`);
    return publicJwkOf(parsed.value);
  });
}
