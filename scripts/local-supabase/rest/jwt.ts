/**
 * JWT authentication as a Supabase project's Data API does it today: an ES256 token is checked
 * against the project's JWKS by its `kid`, an HS256 token against the legacy JWT secret only while
 * the project still trusts it; then PostgREST's `exp`, `nbf` and `iat` checks with 30 seconds of
 * allowed clock skew. The `role` claim picks the database role (the anonymous role when absent), and
 * the claims, role included, become `request.jwt.claims`.
 *
 * Like PostgREST (its JWT cache, on by default since v13: `jwt-cache-max-entries`, 1000), a token
 * whose signature was verified is remembered until it expires, so a client sending the same token
 * again is not verified again (an ES256 verification was the stand-in's largest cost per call under
 * load). The time claims are still checked on every request.
 */
import type { Es256PublicJwk } from "../../../src/maxis/supabase/signing-key";
import { pgrstError } from "./errors";

export type Claims = Record<string, unknown>;

export interface Identity {
  role: string;
  claims: Claims;
}

/** A public key as a JWKS lists it. */
export type PublicJwk = Es256PublicJwk;

/** The keys a project trusts for the tokens it is sent. */
export interface TrustedKeys {
  /** Public ES256 keys (the project's JWKS): the current one, and the previous one during a rotation. */
  jwks: readonly PublicJwk[];
  /** The legacy HS256 JWT secret, only while the project still trusts it. */
  legacySecret?: string | undefined;
}

const ALLOWED_SKEW_SECONDS = 30;

function invalidToken(code: "PGRST301" | "PGRST303", message: string, details: string | null = null) {
  return pgrstError(401, code, message, {
    details,
    headers: {
      "WWW-Authenticate": `Bearer error="invalid_token", error_description=${JSON.stringify(message)}`,
    },
  });
}

/** A message when a time claim rejects the token, null when it is fine or absent. */
function timeClaimError(claims: Claims, now: number): string | null {
  const checks = [
    { key: "exp", fails: (value: number) => now - ALLOWED_SKEW_SECONDS > value, message: "JWT expired" },
    {
      key: "nbf",
      fails: (value: number) => now + ALLOWED_SKEW_SECONDS < value,
      message: "JWT not yet valid",
    },
    {
      key: "iat",
      fails: (value: number) => now + ALLOWED_SKEW_SECONDS < value,
      message: "JWT issued at future",
    },
  ];
  for (const { key, fails, message } of checks) {
    const value = claims[key];
    if (value === undefined || value === null) continue;
    if (typeof value !== "number") return `The JWT '${key}' claim must be a number`;
    if (fails(value)) return message;
  }
  return null;
}

function decodePart(part: string): unknown {
  try {
    return JSON.parse(Buffer.from(part, "base64url").toString("utf8"));
  } catch {
    return null;
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const importedKeys = new Map<string, Promise<CryptoKey>>();

function verificationKey(alg: "ES256" | "HS256", material: string | PublicJwk): Promise<CryptoKey> {
  const cacheKey = `${alg}:${typeof material === "string" ? material : JSON.stringify(material)}`;
  let key = importedKeys.get(cacheKey);
  if (!key) {
    key =
      typeof material === "string"
        ? crypto.subtle.importKey(
            "raw",
            new TextEncoder().encode(material),
            { name: "HMAC", hash: "SHA-256" },
            false,
            ["verify"],
          )
        : crypto.subtle.importKey(
            "jwk",
            { kty: material.kty, crv: material.crv, x: material.x, y: material.y },
            { name: "ECDSA", namedCurve: "P-256" },
            false,
            ["verify"],
          );
    importedKeys.set(cacheKey, key);
  }
  return key;
}

/** Verifies the signature only (time claims are PostgREST's business, checked afterwards). */
async function verifiedClaims(token: string, keys: TrustedKeys): Promise<Claims | null> {
  const [headerPart = "", payloadPart = "", signaturePart = ""] = token.split(".");
  const header = decodePart(headerPart);
  const claims = decodePart(payloadPart);
  if (!isRecord(header) || !isRecord(claims)) return null;
  const signature = Buffer.from(signaturePart, "base64url");
  const data = new TextEncoder().encode(`${headerPart}.${payloadPart}`);
  if (header["alg"] === "ES256") {
    const jwk = keys.jwks.find((candidate) => candidate.kid === header["kid"]);
    if (!jwk) return null;
    const key = await verificationKey("ES256", jwk);
    const valid = await crypto.subtle.verify({ name: "ECDSA", hash: "SHA-256" }, key, signature, data);
    return valid ? claims : null;
  }
  if (header["alg"] === "HS256" && keys.legacySecret) {
    const key = await verificationKey("HS256", keys.legacySecret);
    return (await crypto.subtle.verify("HMAC", key, signature, data)) ? claims : null;
  }
  return null;
}

/** Verified tokens and their claims, until their `exp`; tokens without one are not kept. */
export class VerifiedTokens {
  private readonly entries = new Map<string, { claims: Claims; until: number }>();

  constructor(private readonly maxEntries = 1_000) {}

  get(token: string, now: number): Claims | null {
    const entry = this.entries.get(token);
    if (!entry) return null;
    if (now - ALLOWED_SKEW_SECONDS > entry.until) {
      this.entries.delete(token);
      return null;
    }
    return entry.claims;
  }

  remember(token: string, claims: Claims): void {
    const exp = claims["exp"];
    if (typeof exp !== "number") return;
    if (this.entries.size >= this.maxEntries) {
      // The oldest first: a token's life is short, and Maxis renews its tokens as they near their end.
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(token, { claims, until: exp });
  }
}

/** What signed a token, for the stand-in's log: `ES256 kid=…` or `HS256`. */
export function describeSignature(token: string): string {
  const header = decodePart(token.split(".")[0] ?? "");
  if (!isRecord(header)) return "unreadable header";
  return header["kid"] ? `${String(header["alg"])} kid=${String(header["kid"])}` : String(header["alg"]);
}

export async function authenticate(
  token: string,
  keys: TrustedKeys,
  anonRole: string,
  now = Math.floor(Date.now() / 1000),
  verified?: VerifiedTokens,
): Promise<Identity> {
  if (token === "") throw invalidToken("PGRST301", "Empty JWT is sent in Authorization header");
  const parts = token.split(".").length;
  if (parts !== 3) throw invalidToken("PGRST301", `Expected 3 parts in JWT; got ${parts}`);

  let claims = verified?.get(token, now) ?? null;
  if (!claims) {
    claims = await verifiedClaims(token, keys);
    if (claims) verified?.remember(token, claims);
  }
  if (!claims) {
    throw invalidToken(
      "PGRST301",
      "No suitable key or wrong key type",
      "No suitable key was found to decode the JWT",
    );
  }
  const timeError = timeClaimError(claims, now);
  if (timeError) throw invalidToken("PGRST303", timeError);
  return identityFromClaims(claims, anonRole);
}

export function identityFromClaims(claims: Claims, anonRole: string): Identity {
  const claimed = claims["role"];
  const role =
    claimed === undefined || claimed === null
      ? anonRole
      : typeof claimed === "string"
        ? claimed
        : JSON.stringify(claimed);
  return { role, claims: { ...claims, role } };
}
