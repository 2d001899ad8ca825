/**
 * JWT authentication as PostgREST does it: HS256 signature with the project's secret, then `exp`,
 * `nbf` and `iat` checked with 30 seconds of allowed clock skew; the `role` claim picks the database
 * role (the anonymous role when absent), and the claims, role included, become `request.jwt.claims`.
 */
import { verify } from "hono/jwt";
import { pgrstError } from "./errors";

export type Claims = Record<string, unknown>;

export interface Identity {
  role: string;
  claims: Claims;
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

/** Verifies the signature only; time claims are PostgREST's business, checked afterwards. */
async function verifiedClaims(token: string, secret: string): Promise<Claims | null> {
  try {
    return await verify(token, secret, { alg: "HS256", exp: false, nbf: false, iat: false });
  } catch {
    return null;
  }
}

export async function authenticate(
  token: string,
  secret: string,
  anonRole: string,
  now = Math.floor(Date.now() / 1000),
): Promise<Identity> {
  if (token === "") throw invalidToken("PGRST301", "Empty JWT is sent in Authorization header");
  const parts = token.split(".").length;
  if (parts !== 3) throw invalidToken("PGRST301", `Expected 3 parts in JWT; got ${parts}`);

  const claims = await verifiedClaims(token, secret);
  if (!claims) {
    throw invalidToken(
      "PGRST301",
      "No suitable key or wrong key type",
      "No suitable key was found to decode the JWT",
    );
  }
  const timeError = timeClaimError(claims, now);
  if (timeError) throw invalidToken("PGRST303", timeError);

  const claimed = claims["role"];
  const role =
    claimed === undefined || claimed === null
      ? anonRole
      : typeof claimed === "string"
        ? claimed
        : JSON.stringify(claimed);
  return { role, claims: { ...claims, role } };
}

/** The gateway's check: an API key is a JWT signed with the project's secret that has not expired. */
export async function isValidApiKey(key: string, secret: string): Promise<boolean> {
  try {
    await verify(key, secret, "HS256");
    return true;
  } catch {
    return false;
  }
}
