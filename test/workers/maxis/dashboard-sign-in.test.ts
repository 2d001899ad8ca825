/**
 * The dashboard's Discord sign-in, end to end against the Discord stand-in: Maxis's /auth routes in
 * workerd, the stand-in's consent page and token endpoint over HTTP, for the server
 * env.DISCORD_GUILD_ID. Only Maxis's sign-in reads a person's roles from the stand-in there, so these
 * tests may take the staff role away from a seeded person for a moment (and put it back after each);
 * they stay in this one file so that no other file signs in meanwhile.
 */

import { env, exports } from "cloudflare:workers";
import { afterEach, describe, expect, it } from "vitest";
import { LOCAL_MEMBER_ID, LOCAL_STAFF_ID, LOCAL_STAFF_ROLE_ID } from "../../../scripts/lib/local-identities";
import {
  ROLE_RECHECK_SECONDS,
  ROLE_STALE_LIMIT_SECONDS,
} from "../../../src/maxis/dashboard-auth/role-recheck";
import { dashboardAuthRoutes } from "../../../src/maxis/dashboard-auth/routes";
import { api } from "./api-support";
import {
  ageRoleCheck,
  callback,
  consent,
  guildId,
  lastSeq,
  local,
  maxis,
  memberReads,
  setCookies,
  setStaffRoles,
  signIn,
  startSignIn,
} from "./sign-in-support";

afterEach(() => setStaffRoles([LOCAL_STAFF_ROLE_ID]));

describe("signing in", () => {
  it("sends Discord the configured redirect_uri, whatever Host the request names", async () => {
    for (const host of [{}, { Host: "evil.example" }, { "X-Forwarded-Host": "evil.example" }]) {
      const { authorize, res } = await startSignIn(host);
      expect(authorize.searchParams.get("redirect_uri")).toBe(env.DISCORD_OAUTH_REDIRECT_URI);
      expect(res.headers.get("Cache-Control")).toBe("no-store");
    }
    const other = await exports.default.fetch(
      new Request("https://evil.example/auth/discord/login", { redirect: "manual" }),
    );
    expect(new URL(other.headers.get("Location") ?? "").searchParams.get("redirect_uri")).toBe(
      "https://maxis.test/auth/discord/callback",
    );
  });

  it("is off, with a page saying so, while DISCORD_OAUTH_REDIRECT_URI is not set", async () => {
    for (const value of ["", "not a url", "javascript:alert(1)"]) {
      const res = await dashboardAuthRoutes.request(
        "/discord/login",
        { headers: { "Accept-Language": "fr" } },
        { ...env, DISCORD_OAUTH_REDIRECT_URI: value },
      );
      expect(res.status, value).toBe(503);
      expect(await res.text()).toContain("La connexion n&#39;est pas configurée");
    }
  });

  it("opens a session for staff and sends them back to the dashboard", async () => {
    const { res, session } = await signIn(LOCAL_STAFF_ID);
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe(`${env.DASHBOARD_ORIGIN}/#/inbox`);
    expect(session).toBeTruthy();
    const me = await api("/session", { token: session ?? "", cookie: true });
    expect(me).toMatchObject({
      status: 200,
      json: { sub: LOCAL_STAFF_ID, guild_id: guildId, app_role: "agent" },
    });
  });

  it("works once per state: the same state cookie and state with a fresh code are refused", async () => {
    const first = await signIn(LOCAL_STAFF_ID);
    expect(first.session).toBeTruthy();
    // The attacker kept the cookie and the state and gets Discord to issue another code for them.
    const again = await consent(first.authorize, { login_as: LOCAL_STAFF_ID });
    expect(again.searchParams.get("state")).toBe(first.back.searchParams.get("state"));
    const replay = await callback(again, first.stateCookie);
    expect(replay.status).toBe(400);
    expect(await replay.text()).toContain("This sign-in link has expired");
    expect(setCookies(replay)["maxis_session"]).toBeUndefined();
  });

  it("refuses a missing or wrong state, or no state cookie, before asking Discord anything", async () => {
    const { authorize, stateCookie } = await startSignIn();
    const back = await consent(authorize, { login_as: LOCAL_STAFF_ID });
    const since = await lastSeq();
    const without = new URL(back);
    without.searchParams.delete("state");
    const wrong = new URL(back);
    wrong.searchParams.set("state", "x".repeat(32));
    for (const [url, cookie] of [
      [without, stateCookie],
      [wrong, stateCookie],
      [back, ""],
    ] as const) {
      const res = await callback(url, cookie, { "Accept-Language": "fr" });
      expect(res.status).toBe(400);
      expect(await res.text()).toContain("Ce lien de connexion a expiré");
      expect(setCookies(res)["maxis_session"]).toBeUndefined();
    }
    expect(await memberReads(since)).toBe(0);
    // The genuine pair still works: the refusals above did not use the state up.
    expect(setCookies(await callback(back, stateCookie))["maxis_session"]).toBeTruthy();
  });

  it("says so when the person declines on Discord's consent screen", async () => {
    const { authorize, stateCookie } = await startSignIn();
    const back = await consent(authorize, { deny: "1" });
    expect(back.searchParams.get("error")).toBe("access_denied");
    const res = await callback(back, stateCookie);
    expect(res.status).toBe(403);
    expect(await res.text()).toContain("Sign-in cancelled");
    expect(setCookies(res)["maxis_session"]).toBeUndefined();
  });

  it("answers 502 with a retry page when Discord refuses the code or fails to answer", async () => {
    const { authorize, stateCookie } = await startSignIn();
    const back = await consent(authorize, { login_as: LOCAL_STAFF_ID });
    back.searchParams.set("code", "0".repeat(32));
    const badCode = await callback(back, stateCookie);
    expect(badCode.status).toBe(502);
    const page = await badCode.text();
    expect(page).toContain("Discord did not answer");
    expect(page).toContain('href="/auth/discord/login"');

    await fetch(`${local}/__local/failures`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({
        method: "GET",
        pathPattern: `^/users/@me/guilds/${guildId}/member$`,
        status: 500,
        body: { message: "500: Internal Server Error", code: 0 },
        times: 1,
      }),
    });
    const down = await signIn(LOCAL_STAFF_ID);
    expect(down.res.status).toBe(502);
    expect(down.session).toBeNull();
  });

  it("opens no session for a member who is not staff", async () => {
    const { res, session } = await signIn(LOCAL_MEMBER_ID);
    expect(res.status).toBe(403);
    expect(await res.text()).toContain("Ce tableau de bord est réservé à l&#39;équipe de support");
    expect(session).toBeNull();
  });
});

describe("signing out", () => {
  const logout = (token: string, origin: string = env.DASHBOARD_ORIGIN) =>
    maxis("/auth/logout", { method: "POST", headers: { Cookie: `maxis_session=${token}`, Origin: origin } });

  it("ends the session on the server: the same cookie is refused afterwards", async () => {
    const { session } = await signIn(LOCAL_STAFF_ID);
    const token = session ?? "";
    expect((await api("/tickets", { token, cookie: true })).status).toBe(200);
    const res = await logout(token);
    expect(res.status).toBe(204);
    expect(setCookies(res)).toMatchObject({ maxis_session: "", maxis_profile: "" });
    const ended = { status: 401, json: { error: { code: "session_ended" } } };
    expect(await api("/tickets", { token, cookie: true })).toMatchObject(ended);
    expect(await api("/tickets", { token })).toMatchObject(ended);
    const check = await maxis("/auth/session", { headers: { Cookie: `maxis_session=${token}` } });
    expect(check.status).toBe(401);
  });

  it("is refused from another origin, and the session stays open", async () => {
    const { session } = await signIn(LOCAL_STAFF_ID);
    const token = session ?? "";
    const res = await logout(token, "https://evil.example");
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("csrf_origin");
    expect((await api("/session", { token })).status).toBe(200);
  });

  it("without a session, or with a forged one, clears the cookies and ends nothing else", async () => {
    expect(
      (await maxis("/auth/logout", { method: "POST", headers: { Origin: env.DASHBOARD_ORIGIN } })).status,
    ).toBe(204);
    const { session } = await signIn(LOCAL_STAFF_ID);
    const token = session ?? "";
    expect((await logout(`${token}x`)).status).toBe(204);
    expect((await api("/session", { token })).status).toBe(200);
  });
});

describe("the role, confirmed again with Discord", () => {
  it("ends the session of a person who lost the staff role once the last check is older than the interval", async () => {
    const { session } = await signIn(LOCAL_STAFF_ID);
    const token = session ?? "";
    await setStaffRoles([]);
    // Within the interval the role Discord confirmed at sign-in stands, with no call to Discord.
    const since = await lastSeq();
    await ageRoleCheck(token, ROLE_RECHECK_SECONDS - 30);
    expect((await api("/tickets", { token })).status).toBe(200);
    expect(await memberReads(since)).toBe(0);

    await ageRoleCheck(token, 30);
    expect(await api("/tickets", { token, headers: { "Accept-Language": "fr" } })).toMatchObject({
      status: 401,
      json: {
        error: {
          code: "no_longer_staff",
          message:
            "Vous ne faites plus partie de l'équipe de support de ce serveur : cette session est terminée.",
        },
      },
    });
    expect(await memberReads(since)).toBe(1);
    // The session is gone for good, even once the role comes back.
    await setStaffRoles([LOCAL_STAFF_ROLE_ID]);
    expect(await api("/session", { token })).toMatchObject({
      status: 401,
      json: { error: { code: "session_ended" } },
    });
  });

  it("keeps a session whose person is still staff, asking Discord once per interval", async () => {
    const { session } = await signIn(LOCAL_STAFF_ID);
    const token = session ?? "";
    await ageRoleCheck(token, ROLE_RECHECK_SECONDS);
    const since = await lastSeq();
    const answers = await Promise.all([1, 2, 3, 4].map(() => api("/session", { token })));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200]);
    expect((await api("/tickets", { token })).status).toBe(200);
    // Four concurrent requests and a later one: one re-check.
    expect(await memberReads(since)).toBe(1);
  });

  it("rides out a short Discord outage, then refuses until Discord answers", async () => {
    const { session } = await signIn(LOCAL_STAFF_ID);
    const token = session ?? "";
    const failMemberReads = (times: number) =>
      fetch(`${local}/__local/failures`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({
          method: "GET",
          pathPattern: `^/users/@me/guilds/${guildId}/member$`,
          status: 503,
          body: { message: "upstream unavailable", code: 0 },
          times,
        }),
      });
    await failMemberReads(2);
    await ageRoleCheck(token, ROLE_RECHECK_SECONDS);
    expect((await api("/session", { token })).status).toBe(200);
    await ageRoleCheck(token, ROLE_STALE_LIMIT_SECONDS);
    expect(await api("/session", { token })).toMatchObject({
      status: 401,
      json: { error: { code: "role_unverified" } },
    });
    // Discord is back: the next request confirms the role again.
    await ageRoleCheck(token, 60);
    expect((await api("/session", { token })).status).toBe(200);
  });
});
