/**
 * Staff sessions for the dashboard: an HS256 JWT that Maxis signs with SESSION_SECRET and alone can
 * check (hono/jwt), claims `{ sid, sub, guild_id, app_role, exp, aud: "maxis-dashboard" }`.
 *
 * Discord sign-in (src/maxis/dashboard-auth) issues it as the HttpOnly cookie `maxis_session`; API
 * clients may also send it as `Authorization: Bearer <token>`. Only staff (agent/admin) sessions exist:
 * members have no business with the dashboard.
 *
 * The token alone is not enough: `sid` names the session's server-side record
 * (dashboard-auth/session-store.ts), which logout deletes and which holds the role as Discord last
 * confirmed it. This file is the signed half only, with no I/O.
 */
import { sign, verify } from "hono/jwt";
import * as v from "valibot";
import { randomBase64url } from "../../shared/base64url";
import { err, ok, type Result } from "../../shared/result";
import type { AppRole } from "../auth/app-role";

export const SESSION_COOKIE = "maxis_session";
/** A working day; the dashboard signs in again after that. */
export const DEFAULT_SESSION_SECONDS = 8 * 60 * 60;
/** Every token signed with SESSION_SECRET names its purpose, so one can never pass for another. */
export const SESSION_AUDIENCE = "maxis-dashboard";

const SNOWFLAKE = /^[0-9]{1,20}$/;
/** A session id: 32 random bytes, base64url (see `newSessionId`). */
const SESSION_ID = /^[A-Za-z0-9_-]{43}$/;
/** Far above any real token: anything longer is refused before it is decoded. */
const MAX_TOKEN_LENGTH = 1024;
/** A shorter key would make the HMAC guessable; a Maxis configured so accepts no session at all. */
const MIN_SECRET_LENGTH = 32;

export type StaffRole = Exclude<AppRole, "member">;

const StaffSessionSchema = v.object({
  sid: v.pipe(v.string(), v.regex(SESSION_ID)),
  sub: v.pipe(v.string(), v.regex(SNOWFLAKE)),
  guild_id: v.pipe(v.string(), v.regex(SNOWFLAKE)),
  app_role: v.picklist(["agent", "admin"]),
  /** Unix seconds. */
  exp: v.pipe(v.number(), v.safeInteger()),
});

export type StaffSession = v.InferOutput<typeof StaffSessionSchema>;

export interface StaffSessionInput {
  sessionId: string;
  userId: string;
  guildId: string;
  appRole: StaffRole;
}

export type SessionCheck = Result<StaffSession, "malformed" | "bad_signature" | "expired">;

/** SESSION_SECRET, refused when missing or too short to sign anything with. */
export function sessionSecret(secret: string): string {
  if (secret.length < MIN_SECRET_LENGTH) throw new Error("SESSION_SECRET is missing or too short");
  return secret;
}

/** A fresh, unguessable session id. */
export function newSessionId(): string {
  return randomBase64url(32);
}

/** Signs a staff session valid for `ttlSeconds` from `nowSeconds`. */
export async function issueStaffSession(
  secret: string,
  input: StaffSessionInput,
  { ttlSeconds = DEFAULT_SESSION_SECONDS, nowSeconds = Math.floor(Date.now() / 1000) } = {},
): Promise<string> {
  if (!SNOWFLAKE.test(input.userId) || !SNOWFLAKE.test(input.guildId)) {
    throw new Error("A staff session needs Discord ids for the user and the guild");
  }
  if (!SESSION_ID.test(input.sessionId)) throw new Error("A staff session needs an id from newSessionId");
  const session: StaffSession = {
    sid: input.sessionId,
    sub: input.userId,
    guild_id: input.guildId,
    app_role: input.appRole,
    exp: nowSeconds + ttlSeconds,
  };
  return sign({ ...session, aud: SESSION_AUDIENCE }, sessionSecret(secret), "HS256");
}

/**
 * Checks the signature (HS256 only) and the audience before reading the claims, then the expiry
 * against `nowSeconds`. A token signed with another secret, edited, truncated or made for another
 * purpose is refused.
 */
export async function verifyStaffSession(
  secret: string,
  token: string,
  nowSeconds = Math.floor(Date.now() / 1000),
): Promise<SessionCheck> {
  const key = sessionSecret(secret);
  if (token.length > MAX_TOKEN_LENGTH) return err("malformed");
  let claims: unknown;
  try {
    // Expiry is checked below against `nowSeconds`, so tests and callers share one clock.
    claims = await verify(token, key, { alg: "HS256", aud: SESSION_AUDIENCE, exp: false });
  } catch (error) {
    const forged = error instanceof Error && error.name === "JwtTokenSignatureMismatched";
    return err(forged ? "bad_signature" : "malformed");
  }
  const parsed = v.safeParse(StaffSessionSchema, claims);
  if (!parsed.success) return err("malformed");
  if (parsed.output.exp <= nowSeconds) return err("expired");
  return ok(parsed.output);
}
