/**
 * The OAuth2 half of the local Discord stand-in: the authorize page, the token exchange and the user
 * endpoints a dashboard sign-in reads, for the seeded people of the local server. It answers in
 * Discord's documented shapes (https://discord.com/developers/docs/topics/oauth2), so Maxis's sign-in
 * code runs unchanged against discord.com.
 */
import type {
  RESTGetAPICurrentUserGuildsResult,
  RESTPostOAuth2AccessTokenResult,
} from "discord-api-types/v10";
import { LOCAL_GUILD_ID } from "../lib/local-identities";
import { apiUser, guildMember, SEEDED_USERS, type SeededUser } from "./seeded-users";

const CODE_LIFETIME_MS = 10 * 60_000;
const TOKEN_LIFETIME_SECONDS = 7 * 24 * 3600;

interface Grant {
  userId: string;
  clientId: string;
  redirectUri: string;
  scope: string;
  expiresAt: number;
}

export type OAuthAnswer = { status: number; body: unknown; headers?: Record<string, string> };

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

function discordError(status: number, message: string, code: number): OAuthAnswer {
  return { status, body: { message, code } };
}

/** One stand-in's OAuth state: codes and tokens live in memory for the life of the server. */
export function createLocalOAuth() {
  const codes = new Map<string, Grant>();
  const tokens = new Map<string, Omit<Grant, "redirectUri" | "expiresAt">>();
  const userById = (id: string) => SEEDED_USERS.find((u) => u.id === id);
  /** Servers the seeded people are in, with the same roles: the local one, plus any a test adds. */
  const guildIds = new Set([LOCAL_GUILD_ID]);
  /** Roles a test gave a seeded person in one server (`<guild>:<user>`), instead of their usual ones. */
  const roleOverrides = new Map<string, string[]>();
  const memberIn = (guildId: string, user: SeededUser) =>
    guildMember(user, roleOverrides.get(`${guildId}:${user.id}`) ?? user.roles);
  const guildEntry = (id: string, user: SeededUser) => ({
    id,
    name: id === LOCAL_GUILD_ID ? "Local server" : `Local server ${id.slice(-4)}`,
    icon: null,
    banner: null,
    owner: false,
    permissions: String(user.permissions),
    features: [],
  });

  /** GET /oauth2/authorize: auto-approves `login_as`, otherwise a page to pick a seeded user. */
  function authorize(query: URLSearchParams): { redirect: string } | { status: number; html: string } {
    const clientId = query.get("client_id") ?? "";
    const redirectUri = query.get("redirect_uri") ?? "";
    const state = query.get("state");
    const scope = query.get("scope") ?? "";
    if (query.get("response_type") !== "code" || !clientId || !/^https?:\/\//.test(redirectUri)) {
      return {
        status: 400,
        html: "<p>Invalid OAuth2 request: response_type=code, client_id and redirect_uri are required.</p>",
      };
    }
    const back = new URL(redirectUri);
    if (state !== null) back.searchParams.set("state", state);
    if (query.get("deny") === "1") {
      back.searchParams.set("error", "access_denied");
      return { redirect: back.toString() };
    }
    const user = userById(query.get("login_as") ?? "");
    if (user) {
      const code = crypto.randomUUID().replaceAll("-", "");
      codes.set(code, {
        userId: user.id,
        clientId,
        redirectUri,
        scope,
        expiresAt: Date.now() + CODE_LIFETIME_MS,
      });
      back.searchParams.set("code", code);
      return { redirect: back.toString() };
    }
    const choose = (params: Record<string, string>) => {
      const next = new URLSearchParams(query);
      for (const [key, value] of Object.entries(params)) next.set(key, value);
      return `/oauth2/authorize?${escapeHtml(next.toString())}`;
    };
    const rows = SEEDED_USERS.map(
      (u) =>
        `<li><a href="${choose({ login_as: u.id })}">${escapeHtml(u.globalName)}</a> <small>${escapeHtml(u.label)} · ${u.id}</small></li>`,
    ).join("");
    return {
      status: 200,
      html: `<!doctype html><html lang="en"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Local Discord · Authorize</title>
<style>body{font:16px system-ui,sans-serif;background:#313338;color:#f2f3f5;display:grid;place-items:center;min-height:100vh;margin:0}
main{background:#2b2d31;padding:2rem;border-radius:12px;max-width:26rem}a{color:#00a8fc}li{margin:.6rem 0}small{color:#b5bac1}</style>
<main><h1>Local Discord</h1><p>Application <code>${escapeHtml(clientId)}</code> asks for <code>${escapeHtml(scope)}</code>. Sign in as:</p>
<ul>${rows}</ul><p><a href="${choose({ deny: "1" })}">Cancel</a></p></main></html>`,
    };
  }

  /** POST /oauth2/token (authorization_code grant only), form-encoded as Discord requires. */
  function exchange(form: Record<string, string>, authorization: string | null): OAuthAnswer {
    let clientId = form["client_id"];
    let clientSecret = form["client_secret"];
    if (authorization?.startsWith("Basic ")) {
      const [id, secret] = atob(authorization.slice(6)).split(":");
      clientId = id;
      clientSecret = secret;
    }
    if (!clientId || !clientSecret) {
      return { status: 401, body: { error: "invalid_client" } };
    }
    if (form["grant_type"] !== "authorization_code") {
      return { status: 400, body: { error: "unsupported_grant_type" } };
    }
    const grant = codes.get(form["code"] ?? "");
    codes.delete(form["code"] ?? "");
    if (!grant || grant.expiresAt < Date.now() || grant.clientId !== clientId) {
      return {
        status: 400,
        body: { error: "invalid_grant", error_description: 'Invalid "code" in request.' },
      };
    }
    if (grant.redirectUri !== form["redirect_uri"]) {
      return {
        status: 400,
        body: { error: "invalid_grant", error_description: 'Invalid "redirect_uri" in request.' },
      };
    }
    const accessToken = `local-oauth-${crypto.randomUUID()}`;
    tokens.set(accessToken, { userId: grant.userId, clientId, scope: grant.scope });
    const result: RESTPostOAuth2AccessTokenResult = {
      access_token: accessToken,
      token_type: "Bearer",
      expires_in: TOKEN_LIFETIME_SECONDS,
      refresh_token: `local-refresh-${crypto.randomUUID()}`,
      scope: grant.scope,
    };
    return { status: 200, body: result };
  }

  /** The user and guild endpoints; null when the path is not one of them. */
  function userRoute(method: string, path: string, authorization: string | null): OAuthAnswer | null {
    if (method !== "GET") return null;
    const bearer = authorization?.startsWith("Bearer ") ? tokens.get(authorization.slice(7)) : undefined;
    const hasScope = (scope: string) => bearer?.scope.split(/\s+/).includes(scope) ?? false;

    if (path === "/users/@me") {
      if (!bearer) return discordError(401, "401: Unauthorized", 0);
      if (!hasScope("identify")) return discordError(403, "Missing Access", 50001);
      const user = userById(bearer.userId);
      return user ? { status: 200, body: apiUser(user) } : discordError(404, "Unknown User", 10013);
    }
    if (path === "/users/@me/guilds") {
      if (!bearer) return discordError(401, "401: Unauthorized", 0);
      if (!hasScope("guilds")) return discordError(403, "Missing Access", 50001);
      const user = userById(bearer.userId);
      const guilds: RESTGetAPICurrentUserGuildsResult = user
        ? [...guildIds].map((id) => guildEntry(id, user))
        : [];
      return { status: 200, body: guilds };
    }
    let match = path.match(/^\/users\/@me\/guilds\/(\d+)\/member$/);
    if (match) {
      if (!bearer) return discordError(401, "401: Unauthorized", 0);
      if (!hasScope("guilds.members.read")) return discordError(403, "Missing Access", 50001);
      const user = userById(bearer.userId);
      if (!guildIds.has(match[1] ?? "") || !user) return discordError(404, "Unknown Guild", 10004);
      return { status: 200, body: memberIn(match[1] ?? "", user) };
    }
    match = path.match(/^\/guilds\/(\d+)\/members\/(\d+)$/);
    if (match) {
      if (!authorization?.startsWith("Bot ")) return discordError(401, "401: Unauthorized", 0);
      if (!guildIds.has(match[1] ?? "")) return discordError(404, "Unknown Guild", 10004);
      const user = userById(match[2] ?? "");
      return user
        ? { status: 200, body: memberIn(match[1] ?? "", user) }
        : discordError(404, "Unknown Member", 10007);
    }
    return null;
  }

  /** Tests that need a server of their own (so their tickets stay apart) put the seeded people in it. */
  function addGuild(id: string): boolean {
    if (!/^\d{1,20}$/.test(id)) return false;
    guildIds.add(id);
    return true;
  }

  /**
   * A test takes a role from (or gives one to) a seeded person in one server, as the OAuth2 and bot
   * member reads see it; the test puts the usual roles back when done.
   */
  function setRoles(guildId: string, userId: string, roles: string[]): boolean {
    if (!guildIds.has(guildId) || !userById(userId)) return false;
    roleOverrides.set(`${guildId}:${userId}`, roles);
    return true;
  }

  /** The servers the stand-in knows (the bot and the seeded people are in all of them). */
  const knownGuilds = (): ReadonlySet<string> => guildIds;

  return { authorize, exchange, userRoute, addGuild, setRoles, knownGuilds };
}
