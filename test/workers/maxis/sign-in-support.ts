/**
 * Shared by the dashboard sign-in tests: Maxis's /auth routes driven like a browser (cookies, the
 * stand-in's consent page, the callback), the staff role the stand-in reports, and the member reads
 * Maxis made of it.
 */
import { runInDurableObject } from "cloudflare:test";
import { env, exports } from "cloudflare:workers";
import { expect, inject } from "vitest";
import { LOCAL_STAFF_ID } from "../../../scripts/lib/local-identities";
import { verifyStaffSession } from "../../../src/maxis/dashboard-auth/session-token";

export const local = inject("discordLocalUrl");
export const guildId = env.DISCORD_GUILD_ID;
export const MAXIS = "https://maxis.test";

export const maxis = (path: string, init: RequestInit = {}) =>
  exports.default.fetch(new Request(`${MAXIS}${path}`, { redirect: "manual", ...init }));

/** `name=value` of each cookie a response sets (an empty value: deleted). */
export function setCookies(res: Response): Record<string, string> {
  const cookies: Record<string, string> = {};
  for (const line of res.headers.getSetCookie()) {
    const [pair = ""] = line.split(";");
    const at = pair.indexOf("=");
    cookies[pair.slice(0, at)] = pair.slice(at + 1);
  }
  return cookies;
}

export async function setStaffRoles(roles: string[]) {
  const res = await fetch(`${local}/__local/guilds/${guildId}/members/${LOCAL_STAFF_ID}/roles`, {
    method: "PUT",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ roles }),
  });
  expect(res.status).toBe(204);
}

/** Starts a sign-in: Maxis's redirect to Discord, and the state cookie it set. */
export async function startSignIn(headers: Record<string, string> = {}) {
  const res = await maxis(
    `/auth/discord/login?return_to=${encodeURIComponent(`${env.DASHBOARD_ORIGIN}/#/inbox`)}`,
    {
      headers,
    },
  );
  expect(res.status).toBe(302);
  const authorize = new URL(res.headers.get("Location") ?? "");
  return { res, authorize, stateCookie: setCookies(res)["maxis_oauth_state"] ?? "" };
}

/** Discord's consent screen, answered as `params` says (login_as or deny): where it sends the browser back. */
export async function consent(authorize: URL, params: Record<string, string>): Promise<URL> {
  const url = new URL(authorize);
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  const res = await fetch(url, { redirect: "manual" });
  expect(res.status).toBe(302);
  return new URL(res.headers.get("Location") ?? "");
}

export const callback = (back: URL, stateCookie: string, headers: Record<string, string> = {}) =>
  maxis(`${back.pathname}${back.search}`, {
    headers: { ...(stateCookie ? { Cookie: `maxis_oauth_state=${stateCookie}` } : {}), ...headers },
  });

/** A whole sign-in as `userId`; returns the callback's answer and the session cookie it set, if any. */
export async function signIn(userId: string) {
  const { authorize, stateCookie } = await startSignIn();
  const back = await consent(authorize, { login_as: userId });
  const res = await callback(back, stateCookie);
  return { res, session: setCookies(res)["maxis_session"] || null, back, stateCookie, authorize };
}

/** Makes the session's last role check `seconds` older, as if that much time had passed. */
export async function ageRoleCheck(token: string, seconds: number) {
  const check = await verifyStaffSession(env.SESSION_SECRET, token);
  if (!check.ok) throw new Error("not a session token");
  const stub = env.STAFF_SESSIONS.get(env.STAFF_SESSIONS.idFromName(check.value.sid));
  await runInDurableObject(stub, (_, state) => {
    state.storage.sql.exec(
      "UPDATE session SET role_checked_at = role_checked_at - ?1, recheck_attempted_at = recheck_attempted_at - ?1",
      seconds,
    );
  });
}

export async function memberReads(since: number) {
  const requests = (await (await fetch(`${local}/__local/requests?since=${since}`)).json()) as {
    seq: number;
    path: string;
  }[];
  return requests.filter((r) => r.path === `/users/@me/guilds/${guildId}/member`).length;
}
export const lastSeq = async () =>
  ((await (await fetch(`${local}/__local/requests`)).json()) as { seq: number }[]).at(-1)?.seq ?? 0;
