/**
 * Staff sessions for the dashboard: a compact token Maxis signs and alone can check.
 *
 *   v1.<base64url(JSON {sub, guild_id, app_role, exp})>.<base64url(HMAC-SHA256(SESSION_SECRET, "v1.<payload>"))>
 *
 * The dashboard's Discord sign-in (a later issue) issues it as the HttpOnly cookie `maxis_session`;
 * API clients may also send it as `Authorization: Bearer <token>`. Only staff (agent/admin) sessions
 * exist: members have no business with the dashboard. The role is the one Maxis saw at sign-in.
 */
import type { AppRole } from "../auth/app-role";

export const SESSION_COOKIE = "maxis_session";
/** A working day; the dashboard signs in again after that. */
export const DEFAULT_SESSION_SECONDS = 8 * 60 * 60;

const VERSION = "v1";
const SNOWFLAKE = /^[0-9]{1,20}$/;
/** Far above any real token: anything longer is refused before it is decoded. */
const MAX_TOKEN_LENGTH = 512;
/** A shorter key would make the HMAC guessable; a Maxis configured so accepts no session at all. */
const MIN_SECRET_LENGTH = 32;

export type StaffRole = Exclude<AppRole, "member">;

export interface StaffSession {
  /** Discord user id. */
  sub: string;
  guild_id: string;
  app_role: StaffRole;
  /** Unix seconds. */
  exp: number;
}

export interface StaffSessionInput {
  userId: string;
  guildId: string;
  appRole: StaffRole;
}

export type SessionCheck =
  | { ok: true; session: StaffSession }
  | { ok: false; reason: "malformed" | "bad_signature" | "expired" };

const encoder = new TextEncoder();

function base64url(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64url(text: string): Uint8Array<ArrayBuffer> | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  try {
    const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
    return Uint8Array.from(binary, (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

async function hmacKey(secret: string): Promise<CryptoKey> {
  if (secret.length < MIN_SECRET_LENGTH) throw new Error("SESSION_SECRET is missing or too short");
  return crypto.subtle.importKey("raw", encoder.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, [
    "sign",
    "verify",
  ]);
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
  const session: StaffSession = {
    sub: input.userId,
    guild_id: input.guildId,
    app_role: input.appRole,
    exp: nowSeconds + ttlSeconds,
  };
  const signed = `${VERSION}.${base64url(encoder.encode(JSON.stringify(session)))}`;
  const signature = await crypto.subtle.sign("HMAC", await hmacKey(secret), encoder.encode(signed));
  return `${signed}.${base64url(new Uint8Array(signature))}`;
}

function readPayload(bytes: Uint8Array): StaffSession | null {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return null;
  }
  if (typeof value !== "object" || value === null) return null;
  const { sub, guild_id, app_role, exp } = value as Record<string, unknown>;
  if (typeof sub !== "string" || !SNOWFLAKE.test(sub)) return null;
  if (typeof guild_id !== "string" || !SNOWFLAKE.test(guild_id)) return null;
  if (app_role !== "agent" && app_role !== "admin") return null;
  if (typeof exp !== "number" || !Number.isSafeInteger(exp)) return null;
  return { sub, guild_id, app_role, exp };
}

/**
 * Checks the signature (in constant time, by WebCrypto) before reading anything inside, then the
 * expiry. A token signed with another secret, edited, truncated or in another format is refused.
 */
export async function verifyStaffSession(
  secret: string,
  token: string,
  nowSeconds = Math.floor(Date.now() / 1000),
): Promise<SessionCheck> {
  if (token.length > MAX_TOKEN_LENGTH) return { ok: false, reason: "malformed" };
  const parts = token.split(".");
  if (parts.length !== 3 || parts[0] !== VERSION) return { ok: false, reason: "malformed" };
  const [, payload = "", signature = ""] = parts;
  const payloadBytes = fromBase64url(payload);
  const signatureBytes = fromBase64url(signature);
  if (!payloadBytes || !signatureBytes) return { ok: false, reason: "malformed" };
  const valid = await crypto.subtle.verify(
    "HMAC",
    await hmacKey(secret),
    signatureBytes,
    encoder.encode(`${VERSION}.${payload}`),
  );
  if (!valid) return { ok: false, reason: "bad_signature" };
  const session = readPayload(payloadBytes);
  if (!session) return { ok: false, reason: "malformed" };
  if (session.exp <= nowSeconds) return { ok: false, reason: "expired" };
  return { ok: true, session };
}
