import { env, exports } from "cloudflare:workers";
import type { Actor } from "../../../scripts/lib/interaction-builder";
import { startStaffSession } from "../../../src/maxis/dashboard-auth/server-session";
import type { StaffRole } from "../../../src/maxis/dashboard-auth/session-token";
import { freshCast, run } from "./tickets-support";

/**
 * A staff session for `actor` in their server, opened as the dashboard's sign-in opens one but
 * without a Discord token: its role holds for ROLE_RECHECK_SECONDS, far longer than any test.
 */
export async function sessionFor(
  actor: Actor,
  appRole: StaffRole = "agent",
  ttlSeconds = 3600,
): Promise<string> {
  const { token } = await startStaffSession(
    env,
    { userId: actor.userId, guildId: actor.guildId ?? "", appRole, roleIds: actor.roles ?? [] },
    { accessToken: null, ttlSeconds },
  );
  return token;
}

export interface ApiCall {
  method?: string;
  token?: string;
  /** Send the token as the `maxis_session` cookie instead of a Bearer header. */
  cookie?: boolean;
  body?: unknown;
  headers?: Record<string, string>;
}

/** Calls Maxis's /api/v1 as the dashboard would; returns the status and the parsed JSON. */
export async function api(path: string, call: ApiCall = {}) {
  const headers = new Headers(call.headers);
  if (call.token && call.cookie) headers.set("Cookie", `maxis_session=${call.token}`);
  else if (call.token) headers.set("Authorization", `Bearer ${call.token}`);
  if (call.body !== undefined && !headers.has("Content-Type"))
    headers.set("Content-Type", "application/json");
  const res = await exports.default.fetch(`https://maxis.test/api/v1${path}`, {
    method: call.method ?? "GET",
    headers,
    ...(call.body !== undefined
      ? { body: typeof call.body === "string" ? call.body : JSON.stringify(call.body) }
      : {}),
  });
  const text = await res.text();
  return {
    status: res.status,
    headers: res.headers,
    json: text ? (JSON.parse(text) as Record<string, unknown>) : null,
  };
}

/**
 * A fresh server (`freshCast`) whose members open these tickets, in order (`/ticket create` lines),
 * and a dashboard session for its staff member.
 */
export async function castWithTickets(...tickets: [opener: "memberA" | "memberB", line: string][]) {
  const cast = freshCast();
  for (const [opener, line] of tickets) await run(cast[opener], line);
  return { ...cast, token: await sessionFor(cast.staff) };
}

/** The inbox most API tests read: three tickets of two members (two about logging in). */
export const loginInbox = () =>
  castWithTickets(
    ["memberA", "/ticket create subject:Broken login description:It fails category:account priority:high"],
    [
      "memberB",
      "/ticket create subject:Invoice missing description:Where is it category:billing priority:low",
    ],
    ["memberA", "/ticket create subject:Login slow description:Very slow category:technical"],
  );
