/**
 * Which key Maxis signs its Supabase JWTs with, read from its secrets without any I/O:
 * - `SUPABASE_JWT_SIGNING_KEY`: an ES256 private key as the JWK that
 *   `supabase gen signing-key --algorithm ES256` prints (imported into the project under
 *   Settings → JWT Keys); its `kid` goes into every token's header so Supabase picks its public key.
 * - `SUPABASE_JWT_SECRET`: the project's legacy HS256 secret, for projects that still use it.
 * The signing key wins when both are set (a project moving off the legacy secret).
 */
import { err, ok, type Result } from "../../shared/result";

/** The fields of a P-256 private key that WebCrypto needs, plus the key id. */
export interface Es256PrivateJwk {
  kty: "EC";
  crv: "P-256";
  kid: string;
  x: string;
  y: string;
  d: string;
}

/** The key Maxis signs with; a union of algorithms, each with its own material. */
export type SigningKey = { alg: "ES256"; jwk: Es256PrivateJwk } | { alg: "HS256"; secret: string };

/** The key the secrets select, or what is wrong with them. */
export type SigningKeyConfig = Result<SigningKey, string>;

export interface SigningKeyBindings {
  SUPABASE_JWT_SIGNING_KEY?: string | undefined;
  SUPABASE_JWT_SECRET?: string | undefined;
}

/** base64url of exactly 32 bytes: a P-256 coordinate or scalar, unpadded (43 characters). */
const COORDINATE = /^[A-Za-z0-9_-]{42}[AEIMQUYcgkosw048]$/;

/** The key, or what is wrong with it in English (completing "SUPABASE_JWT_SIGNING_KEY …"). */
export type JwkParseResult = Result<Es256PrivateJwk, string>;

/** Checks the text of SUPABASE_JWT_SIGNING_KEY. */
export function parseEs256PrivateJwk(text: string): JwkParseResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return err("is not valid JSON (put the JWK on one line, or pipe it to wrangler)");
  }
  // `supabase gen signing-key --append` writes an array of keys: take it only when it holds one.
  if (Array.isArray(value)) {
    if (value.length !== 1) return err("is a list of keys: give exactly one JWK");
    value = value[0];
  }
  if (typeof value !== "object" || value === null) return err("is not a JWK object");
  const jwk = value as Record<string, unknown>;
  if (jwk["kty"] !== "EC" || jwk["crv"] !== "P-256") {
    return err('is not an ES256 key (needs "kty": "EC" and "crv": "P-256")');
  }
  if (jwk["alg"] !== undefined && jwk["alg"] !== "ES256") {
    return err(`says "alg": ${JSON.stringify(jwk["alg"])}, not "ES256"`);
  }
  const kid = jwk["kid"];
  if (typeof kid !== "string" || kid.trim() === "") {
    return err('has no "kid": Supabase finds the public key by it');
  }
  if (typeof jwk["d"] !== "string") return err('has no "d": it is a public key, not the private key');
  for (const field of ["x", "y", "d"] as const) {
    const part = jwk[field];
    if (typeof part !== "string" || !COORDINATE.test(part)) {
      return err(`has a "${field}" that is not 32 bytes of base64url: generate a new key`);
    }
  }
  return ok({
    kty: "EC",
    crv: "P-256",
    kid,
    x: jwk["x"] as string,
    y: jwk["y"] as string,
    d: jwk["d"] as string,
  });
}

/** Which algorithm the secrets select, and with what. */
export function signingKeyConfig(env: SigningKeyBindings): SigningKeyConfig {
  const signingKey = env.SUPABASE_JWT_SIGNING_KEY?.trim();
  if (signingKey) {
    const parsed = parseEs256PrivateJwk(signingKey);
    return parsed.ok
      ? ok({ alg: "ES256", jwk: parsed.value })
      : err(`SUPABASE_JWT_SIGNING_KEY ${parsed.error}`);
  }
  const secret = env.SUPABASE_JWT_SECRET;
  if (secret) return ok({ alg: "HS256", secret });
  return err("neither SUPABASE_JWT_SIGNING_KEY nor SUPABASE_JWT_SECRET is set");
}

/** A public ES256 key as a JWKS lists it. */
export interface Es256PublicJwk {
  kty: "EC";
  crv: "P-256";
  kid: string;
  x: string;
  y: string;
  alg: "ES256";
  use: "sig";
}

/** The public half of a private JWK, as a JWKS publishes it. */
export function publicJwkOf(jwk: Es256PrivateJwk): Es256PublicJwk {
  return { kty: jwk.kty, crv: jwk.crv, kid: jwk.kid, x: jwk.x, y: jwk.y, alg: "ES256", use: "sig" };
}
