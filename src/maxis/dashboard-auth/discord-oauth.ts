/**
 * Discord's side of the sign-in (https://discord.com/developers/docs/topics/oauth2): the authorize
 * URL, the code exchange, and the three reads made with the user's own token. Maxis asks only for
 * `identify guilds guilds.members.read`: enough to know who they are and what they are in our server.
 */
import type {
  APIGuildMember,
  APIUser,
  RESTGetAPICurrentUserGuildsResult,
  RESTPostOAuth2AccessTokenResult,
} from "discord-api-types/v10";

export const OAUTH_SCOPES = "identify guilds guilds.members.read";

export type OAuthEnv = Pick<
  MaxisEnv,
  "DISCORD_API_BASE" | "DISCORD_OAUTH_AUTHORIZE_URL" | "DISCORD_APPLICATION_ID" | "DISCORD_CLIENT_SECRET"
>;

export class DiscordOAuthError extends Error {
  constructor(
    readonly step: string,
    readonly status: number,
  ) {
    super(`Discord OAuth2 ${step} answered HTTP ${status}`);
    this.name = "DiscordOAuthError";
  }
}

export function authorizeUrl(env: OAuthEnv, redirectUri: string, state: string): string {
  const url = new URL(env.DISCORD_OAUTH_AUTHORIZE_URL);
  url.search = new URLSearchParams({
    response_type: "code",
    client_id: env.DISCORD_APPLICATION_ID,
    scope: OAUTH_SCOPES,
    redirect_uri: redirectUri,
    state,
    // Returning staff are not shown the consent screen again.
    prompt: "none",
  }).toString();
  return url.toString();
}

export async function exchangeCode(env: OAuthEnv, code: string, redirectUri: string): Promise<string> {
  const res = await fetch(`${env.DISCORD_API_BASE}/oauth2/token`, {
    method: "POST",
    headers: {
      "Content-Type": "application/x-www-form-urlencoded",
      Authorization: `Basic ${btoa(`${env.DISCORD_APPLICATION_ID}:${env.DISCORD_CLIENT_SECRET}`)}`,
    },
    body: new URLSearchParams({ grant_type: "authorization_code", code, redirect_uri: redirectUri }),
  });
  if (!res.ok) throw new DiscordOAuthError("token", res.status);
  const token = (await res.json()) as RESTPostOAuth2AccessTokenResult;
  return token.access_token;
}

async function userGet<T>(env: OAuthEnv, accessToken: string, path: string, allow404 = false) {
  const res = await fetch(`${env.DISCORD_API_BASE}${path}`, {
    headers: { Authorization: `Bearer ${accessToken}` },
  });
  if (allow404 && res.status === 404) return null;
  if (!res.ok) throw new DiscordOAuthError(path, res.status);
  return (await res.json()) as T;
}

export interface DiscordProfile {
  user: APIUser;
  /** The guild as the user sees it, with their permissions there; undefined when not a member. */
  guild: RESTGetAPICurrentUserGuildsResult[number] | undefined;
  member: APIGuildMember | null;
}

export async function readProfile(
  env: OAuthEnv,
  accessToken: string,
  guildId: string,
): Promise<DiscordProfile> {
  const [user, guilds, member] = await Promise.all([
    userGet<APIUser>(env, accessToken, "/users/@me"),
    userGet<RESTGetAPICurrentUserGuildsResult>(env, accessToken, "/users/@me/guilds"),
    userGet<APIGuildMember>(env, accessToken, `/users/@me/guilds/${guildId}/member`, true),
  ]);
  if (!user) throw new DiscordOAuthError("/users/@me", 0);
  return { user, guild: guilds?.find((g) => g.id === guildId), member };
}

/** The servers the user is in, as Discord lists them for their token (the server switcher). */
export async function userGuilds(
  env: OAuthEnv,
  accessToken: string,
): Promise<RESTGetAPICurrentUserGuildsResult> {
  return (await userGet<RESTGetAPICurrentUserGuildsResult>(env, accessToken, "/users/@me/guilds")) ?? [];
}
