/**
 * Who may use the dashboard's API: a valid staff session and nothing else, and from a browser only the
 * dashboard's origin.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { issueStaffSession } from "../../../src/maxis/api/session";
import { api, sessionFor } from "./api-support";
import { countSupabaseCalls, freshCast } from "./tickets-support";

const unauthorized = (code: string, message: string) => ({ status: 401, json: { error: { code, message } } });

describe("the staff session", () => {
  it("is required: without one, every route answers 401 before any database call", async () => {
    for (const [path, method] of [
      ["/tickets", "GET"],
      ["/tickets/1", "GET"],
      ["/tickets/1/replies", "POST"],
      ["/tickets/1/status", "PUT"],
      ["/stats", "GET"],
      ["/session", "GET"],
    ] as const) {
      let res: Awaited<ReturnType<typeof api>> | undefined;
      expect(
        await countSupabaseCalls(
          async () =>
            (res = await api(path, { method, ...(method === "GET" ? {} : { body: { body: "x" } }) })),
        ),
      ).toEqual([]);
      expect(res, `${method} ${path}`).toMatchObject(
        unauthorized("unauthenticated", "Sign in first: this endpoint needs a staff session."),
      );
    }
  });

  it("is accepted from the Bearer header or the maxis_session cookie", async () => {
    const { staff } = freshCast();
    const token = await sessionFor(staff, "admin");
    for (const cookie of [false, true]) {
      const res = await api("/session", { token, cookie });
      expect(res.status).toBe(200);
      expect(res.json).toMatchObject({ sub: staff.userId, guild_id: staff.guildId, app_role: "admin" });
    }
  });

  it("refuses a forged, tampered or malformed token", async () => {
    const { staff } = freshCast();
    const forged = await issueStaffSession(`${env.SESSION_SECRET}-not-ours`, {
      userId: staff.userId,
      guildId: staff.guildId ?? "",
      appRole: "admin",
    });
    const invalid = unauthorized("invalid_session", "The session token is not valid. Sign in again.");
    expect(await api("/tickets", { token: forged })).toMatchObject(invalid);
    expect(await api("/tickets", { token: forged, cookie: true })).toMatchObject(invalid);

    const real = await sessionFor(staff, "agent");
    const [version, payload, signature] = real.split(".");
    const claims = JSON.parse(atob(String(payload).replace(/-/g, "+").replace(/_/g, "/")));
    const promoted = btoa(JSON.stringify({ ...claims, app_role: "admin" })).replace(/=+$/, "");
    expect(await api("/tickets", { token: `${version}.${promoted}.${signature}` })).toMatchObject(invalid);
    for (const token of ["nonsense", "v1..", `${real}x`, real.slice(0, -2), "Bearer"]) {
      expect(await api("/tickets", { token }), token).toMatchObject(invalid);
    }
  });

  it("refuses an expired session", async () => {
    const { staff } = freshCast();
    const expired = await issueStaffSession(
      env.SESSION_SECRET,
      { userId: staff.userId, guildId: staff.guildId ?? "", appRole: "agent" },
      { ttlSeconds: 60, nowSeconds: Math.floor(Date.now() / 1000) - 3600 },
    );
    expect(await api("/tickets", { token: expired })).toMatchObject(
      unauthorized("session_expired", "The session has expired. Sign in again."),
    );
    expect(await api("/tickets", { token: expired, headers: { "Accept-Language": "fr" } })).toMatchObject(
      unauthorized("session_expired", "La session a expiré. Reconnectez-vous."),
    );
  });
});

describe("CORS", () => {
  it("lets the dashboard's origin call the API with its cookie, and no other origin", async () => {
    const preflight = (origin: string) =>
      api("/tickets/1/replies", {
        method: "OPTIONS",
        headers: {
          Origin: origin,
          "Access-Control-Request-Method": "POST",
          "Access-Control-Request-Headers": "content-type",
        },
      });
    const allowed = await preflight(env.DASHBOARD_ORIGIN);
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get("Access-Control-Allow-Origin")).toBe(env.DASHBOARD_ORIGIN);
    expect(allowed.headers.get("Access-Control-Allow-Credentials")).toBe("true");
    expect(allowed.headers.get("Access-Control-Allow-Methods")).toContain("POST");

    const other = await preflight("https://evil.example");
    expect(other.headers.get("Access-Control-Allow-Origin")).toBeNull();

    const { staff } = freshCast();
    const token = await sessionFor(staff);
    const read = await api("/session", { token, cookie: true, headers: { Origin: env.DASHBOARD_ORIGIN } });
    expect(read.headers.get("Access-Control-Allow-Origin")).toBe(env.DASHBOARD_ORIGIN);
    const foreign = await api("/session", {
      token,
      cookie: true,
      headers: { Origin: "https://evil.example" },
    });
    expect(foreign.headers.get("Access-Control-Allow-Origin")).toBeNull();
  });
});
