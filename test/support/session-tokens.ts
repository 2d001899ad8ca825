/**
 * Dashboard session tokens (and other tokens Maxis signs with SESSION_SECRET) as tests need them when
 * they are not opened through the sign-in: one signed but never recorded in StaffSessionStore, one
 * whose claims were edited by hand, one signed for something else. Worker tests that want a session
 * Maxis holds use `sessionFor` (test/workers/maxis/api-support.ts).
 */
import { sign } from "hono/jwt";
import {
  issueStaffSession,
  newSessionId,
  SESSION_AUDIENCE,
  type StaffRole,
} from "../../src/maxis/dashboard-auth/session-token";
import { base64url, fromBase64url } from "../../src/shared/base64url";

const json = (value: unknown) => base64url(new TextEncoder().encode(JSON.stringify(value)));

/** The claims of a JWT, read without checking its signature. */
export function claimsOf(token: string): Record<string, unknown> {
  return JSON.parse(new TextDecoder().decode(fromBase64url(token.split(".")[1] ?? "")));
}

/** `token` with `change` written over its claims, its header and signature kept: a hand edit. */
export function withClaims(token: string, change: Record<string, unknown>): string {
  const [header, , signature] = token.split(".");
  return [header, json({ ...claimsOf(token), ...change }), signature].join(".");
}

/** `token` under another header, e.g. `{ alg: "none" }`, with no signature. */
export function unsigned(token: string, header: Record<string, unknown>): string {
  return `${json(header)}.${token.split(".")[1] ?? ""}.`;
}

/** Whatever `claims` say, signed as Maxis signs its sessions (HS256), for `audience`. */
export function signedClaims(
  secret: string,
  claims: Record<string, unknown>,
  audience: string = SESSION_AUDIENCE,
): Promise<string> {
  return sign({ ...claims, aud: audience }, secret, "HS256");
}

export interface SessionFor {
  userId: string;
  guildId?: string | undefined;
}

/**
 * A well-formed staff session token signed with `secret` that names a session id of its own
 * (`sessionId`, or a new one nobody recorded): Maxis refuses it unless that record exists.
 */
export function unrecordedSession(
  secret: string,
  who: SessionFor,
  appRole: StaffRole = "agent",
  options: { sessionId?: string; ttlSeconds?: number; nowSeconds?: number } = {},
): Promise<string> {
  const { sessionId = newSessionId(), ...timing } = options;
  return issueStaffSession(
    secret,
    { sessionId, userId: who.userId, guildId: who.guildId ?? "", appRole },
    timing,
  );
}
