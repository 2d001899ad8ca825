/**
 * Signs the short-lived JWTs Maxis presents to Supabase's Data API: ES256 with the imported signing
 * key (its `kid` in the header), or HS256 with the legacy secret. Keys are imported once per isolate.
 */
import { base64url } from "../../shared/base64url";
import { type Es256PrivateJwk, type SigningKeyBindings, signingKeyConfig } from "./signing-key";

/** Long enough for one operation's calls, short enough to be useless if it leaks. */
export const TOKEN_LIFETIME_SECONDS = 60;

export type TokenClaims = Record<string, unknown> & { role: string; sub: string };

interface Signer {
  header: { alg: "ES256" | "HS256"; typ: "JWT"; kid?: string };
  sign(data: BufferSource): Promise<ArrayBuffer>;
}

const encoder = new TextEncoder();
const signers = new Map<string, Promise<Signer>>();

const encodePart = (value: unknown) => base64url(encoder.encode(JSON.stringify(value)));

async function es256Signer(jwk: Es256PrivateJwk): Promise<Signer> {
  const { kty, crv, x, y, d } = jwk;
  const key = await crypto.subtle.importKey(
    "jwk",
    { kty, crv, x, y, d },
    { name: "ECDSA", namedCurve: "P-256" },
    false,
    ["sign"],
  );
  return {
    header: { alg: "ES256", typ: "JWT", kid: jwk.kid },
    // WebCrypto's ECDSA signature is r‖s, 64 bytes: exactly JWS's ES256 encoding.
    sign: (data) => crypto.subtle.sign({ name: "ECDSA", hash: "SHA-256" }, key, data),
  };
}

async function hs256Signer(secret: string): Promise<Signer> {
  const key = await crypto.subtle.importKey(
    "raw",
    encoder.encode(secret),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
  return { header: { alg: "HS256", typ: "JWT" }, sign: (data) => crypto.subtle.sign("HMAC", key, data) };
}

function signerFor(env: SigningKeyBindings): Promise<Signer> {
  const cacheKey = `${env.SUPABASE_JWT_SIGNING_KEY ?? ""}\n${env.SUPABASE_JWT_SECRET ?? ""}`;
  let signer = signers.get(cacheKey);
  if (!signer) {
    const config = signingKeyConfig(env);
    if (!config.ok) throw new Error(`Maxis cannot sign Supabase tokens: ${config.error}`);
    const key = config.value;
    signer = key.alg === "ES256" ? es256Signer(key.jwk) : hs256Signer(key.secret);
    signers.set(cacheKey, signer);
    // A key WebCrypto refuses is not cached, so fixing the secret takes effect without a restart.
    signer.catch(() => signers.delete(cacheKey));
  }
  return signer;
}

/** A JWT for `claims`, valid from now for TOKEN_LIFETIME_SECONDS, as Supabase verifies it. */
export async function signSupabaseToken(
  env: SigningKeyBindings,
  claims: TokenClaims,
  nowSeconds = Math.floor(Date.now() / 1000),
): Promise<string> {
  const signer = await signerFor(env);
  const payload = { ...claims, iss: "maxis", iat: nowSeconds, exp: nowSeconds + TOKEN_LIFETIME_SECONDS };
  const signingInput = `${encodePart(signer.header)}.${encodePart(payload)}`;
  const signature = await signer.sign(encoder.encode(signingInput));
  return `${signingInput}.${base64url(new Uint8Array(signature))}`;
}
