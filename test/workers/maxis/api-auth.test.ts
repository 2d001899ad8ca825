/**
 * Who may use the dashboard's API: a valid staff session and nothing else, and from a browser only the
 * dashboard's origin.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { claimsOf, unrecordedSession, withClaims } from "../../support/session-tokens";
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
      expect(res.json).not.toHaveProperty("sid");
    }
  });

  it("refuses a forged, tampered or malformed token", async () => {
    const { staff } = freshCast();
    const forged = await unrecordedSession(`${env.SESSION_SECRET}-not-ours`, staff, "admin");
    const invalid = unauthorized("invalid_session", "The session token is not valid. Sign in again.");
    expect(await api("/tickets", { token: forged })).toMatchObject(invalid);
    expect(await api("/tickets", { token: forged, cookie: true })).toMatchObject(invalid);

    const real = await sessionFor(staff, "agent");
    expect(await api("/tickets", { token: withClaims(real, { app_role: "admin" }) })).toMatchObject(invalid);
    for (const token of ["nonsense", "v1..", `${real}x`, real.slice(0, -2), "Bearer"]) {
      expect(await api("/tickets", { token }), token).toMatchObject(invalid);
    }
  });

  it("refuses an expired session", async () => {
    const { staff } = freshCast();
    const expired = await unrecordedSession(env.SESSION_SECRET, staff, "agent", {
      ttlSeconds: 60,
      nowSeconds: Math.floor(Date.now() / 1000) - 3600,
    });
    expect(await api("/tickets", { token: expired })).toMatchObject(
      unauthorized("session_expired", "The session has expired. Sign in again."),
    );
    expect(await api("/tickets", { token: expired, headers: { "Accept-Language": "fr" } })).toMatchObject(
      unauthorized("session_expired", "La session a expiré. Reconnectez-vous."),
    );
  });

  it("refuses a genuine token that names no session Maxis holds (never opened, or logged out)", async () => {
    const { staff } = freshCast();
    const unknown = await unrecordedSession(env.SESSION_SECRET, staff, "admin");
    for (const cookie of [false, true]) {
      expect(await api("/tickets", { token: unknown, cookie })).toMatchObject(
        unauthorized("session_ended", "This session has ended (signed out). Sign in again."),
      );
    }
  });

  it("refuses a token edited to name another person's open session", async () => {
    const { staff, admin } = freshCast();
    const open = await sessionFor(staff, "admin");
    const sessionId = String(claimsOf(open)["sid"]);
    // Signed by Maxis's own key (as a leak of it would allow): the record still names someone else.
    const other = await unrecordedSession(env.SESSION_SECRET, admin, "admin", { sessionId });
    expect(await api("/session", { token: other })).toMatchObject({ status: 401 });
    expect((await api("/session", { token: open })).status).toBe(200);
  });
});

describe("Cache-Control", () => {
  it("is no-store on every /api/v1 answer: data, 304, errors, refusals and preflights", async () => {
    const { staff } = freshCast();
    const token = await sessionFor(staff);
    const read = await api("/tickets", { token });
    expect(read.status).toBe(200);
    const answers = [
      read,
      await api("/tickets", { token, headers: { "If-None-Match": read.headers.get("ETag") ?? "" } }),
      await api("/tickets"),
      await api("/tickets/not-a-number", { token }),
      await api("/no-such-route", { token }),
      await api("/tickets/1/notes", {
        method: "POST",
        token,
        cookie: true,
        headers: { Origin: "https://evil.example" },
        body: { body: "x" },
      }),
      await api("/tickets", {
        method: "OPTIONS",
        headers: { Origin: env.DASHBOARD_ORIGIN, "Access-Control-Request-Method": "GET" },
      }),
    ];
    expect(answers.map((a) => a.status)).toEqual([200, 304, 401, 400, 404, 403, 204]);
    for (const answer of answers) expect(answer.headers.get("Cache-Control")).toBe("no-store");
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
