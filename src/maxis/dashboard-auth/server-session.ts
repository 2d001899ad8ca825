/**
 * Staff sessions, both halves: the signed token the browser holds (session-token.ts) and the record
 * Maxis keeps (StaffSessionStore). Sign-in starts one, every dashboard request authenticates with
 * one (one Durable Object call, plus Discord every ROLE_RECHECK_SECONDS), logout ends one.
 */
import { err, ok, type Result } from "../../shared/result";
import {
  DEFAULT_SESSION_SECONDS,
  issueStaffSession,
  newSessionId,
  type StaffRole,
  type StaffSession,
  verifyStaffSession,
} from "./session-token";

type SessionEnv = Pick<MaxisEnv, "SESSION_SECRET" | "STAFF_SESSIONS">;

const nowSeconds = () => Math.floor(Date.now() / 1000);
const storeFor = (env: Pick<MaxisEnv, "STAFF_SESSIONS">, sessionId: string) =>
  env.STAFF_SESSIONS.get(env.STAFF_SESSIONS.idFromName(sessionId));

export interface StartedSession {
  token: string;
  expiresAt: number;
}

/** Opens a session for a person Discord just confirmed as staff; returns the token to hand them. */
export async function startStaffSession(
  env: SessionEnv,
  person: { userId: string; guildId: string; appRole: StaffRole; roleIds: readonly string[] },
  { accessToken, ttlSeconds = DEFAULT_SESSION_SECONDS }: { accessToken: string | null; ttlSeconds?: number },
): Promise<StartedSession> {
  const now = nowSeconds();
  const sessionId = newSessionId();
  const token = await issueStaffSession(
    env.SESSION_SECRET,
    { userId: person.userId, guildId: person.guildId, appRole: person.appRole, sessionId },
    { ttlSeconds, nowSeconds: now },
  );
  const expiresAt = now + ttlSeconds;
  await storeFor(env, sessionId).start({ ...person, accessToken, expiresAt, now });
  return { token, expiresAt };
}

/** The API's error codes for a refused session; each has an `api.error.<code>` message. */
export type SessionErrorCode =
  | "invalid_session"
  | "session_expired"
  | "session_ended"
  | "no_longer_staff"
  | "role_unverified";

/** roleIds: the person's Discord roles in the session's server, for the Supabase JWT. */
export type StaffAuthentication = Result<{ session: StaffSession; roleIds: string[] }, SessionErrorCode>;

/** The session `token` stands for, with the role as Discord last confirmed it; or why it is refused. */
export async function authenticateStaff(env: SessionEnv, token: string): Promise<StaffAuthentication> {
  const now = nowSeconds();
  const check = await verifyStaffSession(env.SESSION_SECRET, token, now);
  if (!check.ok) return err(check.error === "expired" ? "session_expired" : "invalid_session");
  const session = check.value;
  const answer = await storeFor(env, session.sid).authenticate(
    { userId: session.sub, guildId: session.guild_id },
    now,
  );
  if (answer.ok) {
    return ok({ session: { ...session, app_role: answer.value.appRole }, roleIds: answer.value.roleIds });
  }
  const code = {
    ended: "session_ended",
    not_staff: "no_longer_staff",
    unverified: "role_unverified",
  } as const;
  return err(code[answer.error]);
}

/** Logout: the session named by a genuine `token` is deleted; anything else has nothing to end. */
export async function endStaffSession(env: SessionEnv, token: string | undefined): Promise<void> {
  if (!token) return;
  const check = await verifyStaffSession(env.SESSION_SECRET, token);
  // An expired token's record is already gone (its alarm), or soon will be.
  if (check.ok) await storeFor(env, check.value.sid).end();
}

/** The OAuth token held by the open session `session` names, or null. */
export async function sessionOAuthToken(
  env: SessionEnv,
  session: Pick<StaffSession, "sid" | "sub" | "guild_id">,
): Promise<string | null> {
  return storeFor(env, session.sid).oauthToken(
    { userId: session.sub, guildId: session.guild_id },
    nowSeconds(),
  );
}
