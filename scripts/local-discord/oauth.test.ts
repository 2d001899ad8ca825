import { describe, expect, it } from "vitest";
import {
  LOCAL_GUILD_ID,
  LOCAL_MEMBER_ID,
  LOCAL_STAFF_ID,
  LOCAL_STAFF_ROLE_ID,
} from "../lib/local-identities";
import { createLocalDiscordApp } from "./server";

const app = createLocalDiscordApp();
const redirectUri = "http://127.0.0.1:9999/auth/discord/callback";

async function authorize(params: Record<string, string>) {
  const query = new URLSearchParams({
    response_type: "code",
    client_id: "1300000000000000001",
    redirect_uri: redirectUri,
    scope: "identify guilds guilds.members.read",
    state: "s-123",
    ...params,
  });
  return app.request(`/oauth2/authorize?${query}`);
}

async function codeFor(userId: string): Promise<string> {
  const res = await authorize({ login_as: userId });
  const location = new URL(res.headers.get("Location") ?? "");
  return location.searchParams.get("code") ?? "";
}

async function exchange(form: Record<string, string>) {
  return app.request("/api/v10/oauth2/token", {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(form),
  });
}

async function tokenFor(userId: string): Promise<string> {
  const res = await exchange({
    grant_type: "authorization_code",
    code: await codeFor(userId),
    redirect_uri: redirectUri,
    client_id: "1300000000000000001",
    client_secret: "local-secret",
  });
  return ((await res.json()) as { access_token: string }).access_token;
}

describe("local Discord OAuth2", () => {
  it("redirects back with a code and the state for login_as, and shows a picker otherwise", async () => {
    const res = await authorize({ login_as: LOCAL_STAFF_ID });
    expect(res.status).toBe(302);
    const location = new URL(res.headers.get("Location") ?? "");
    expect(`${location.origin}${location.pathname}`).toBe(redirectUri);
    expect(location.searchParams.get("state")).toBe("s-123");
    expect(location.searchParams.get("code")).toMatch(/^[0-9a-f]{32}$/);

    const page = await authorize({});
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(`login_as=${LOCAL_MEMBER_ID}`);

    const denied = await authorize({ deny: "1" });
    expect(new URL(denied.headers.get("Location") ?? "").searchParams.get("error")).toBe("access_denied");
  });

  it("exchanges a code once, only with the same redirect_uri and client credentials", async () => {
    const code = await codeFor(LOCAL_MEMBER_ID);
    const base = { grant_type: "authorization_code", code, client_id: "1300000000000000001" };
    expect((await exchange({ ...base, redirect_uri: redirectUri })).status).toBe(401);
    const wrongRedirect = await exchange({
      ...base,
      client_secret: "s",
      redirect_uri: "http://evil.test/cb",
    });
    expect(wrongRedirect.status).toBe(400);
    // A failed attempt burns the code, as Discord does.
    const again = await exchange({ ...base, client_secret: "s", redirect_uri: redirectUri });
    expect(await again.json()).toMatchObject({ error: "invalid_grant" });
  });

  it("answers /users/@me and the guild member for the token's user, with Discord's errors otherwise", async () => {
    const token = await tokenFor(LOCAL_STAFF_ID);
    const auth = { headers: { Authorization: `Bearer ${token}` } };
    const me = (await (await app.request("/api/v10/users/@me", auth)).json()) as { id: string };
    expect(me.id).toBe(LOCAL_STAFF_ID);
    const member = await app.request(`/api/v10/users/@me/guilds/${LOCAL_GUILD_ID}/member`, auth);
    expect(await member.json()).toMatchObject({ roles: [LOCAL_STAFF_ROLE_ID] });
    const guilds = (await (await app.request("/api/v10/users/@me/guilds", auth)).json()) as { id: string }[];
    expect(guilds.map((g) => g.id)).toEqual([LOCAL_GUILD_ID]);

    const otherGuild = await app.request("/api/v10/users/@me/guilds/1300000000000009999/member", auth);
    expect(otherGuild.status).toBe(404);
    const noToken = await app.request("/api/v10/users/@me");
    expect(noToken.status).toBe(401);
    const botLookup = await app.request(`/api/v10/guilds/${LOCAL_GUILD_ID}/members/${LOCAL_MEMBER_ID}`, {
      headers: { Authorization: "Bot x" },
    });
    expect(await botLookup.json()).toMatchObject({ roles: [], user: { id: LOCAL_MEMBER_ID } });
  });

  it("lets a test take a role from a seeded person in one server, and only there", async () => {
    const guild = "1300000000000009990";
    const token = await tokenFor(LOCAL_STAFF_ID);
    const auth = { headers: { Authorization: `Bearer ${token}` } };
    const setRoles = (guildId: string, roles: string[]) =>
      app.request(`/__local/guilds/${guildId}/members/${LOCAL_STAFF_ID}/roles`, {
        method: "PUT",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ roles }),
      });
    expect((await setRoles(guild, [])).status).toBe(400);
    await app.request("/__local/guilds", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ id: guild }),
    });
    expect((await setRoles(guild, [])).status).toBe(204);
    const there = await app.request(`/api/v10/users/@me/guilds/${guild}/member`, auth);
    expect(await there.json()).toMatchObject({ roles: [] });
    const home = await app.request(`/api/v10/users/@me/guilds/${LOCAL_GUILD_ID}/member`, auth);
    expect(await home.json()).toMatchObject({ roles: [LOCAL_STAFF_ROLE_ID] });
  });
});
