/**
 * What the dashboard's Settings page needs to know from Discord, asked with the bot token and kept in
 * the Workers cache for a short while: a server's roles and channels (the pickers), and the servers the
 * bot is in (the server switcher). Discord stays the authority: nothing here is trusted from a client.
 */
import { ChannelType } from "discord-api-types/payloads/v10";
import type { APIChannel, APIRole, RESTGetAPICurrentUserGuildsResult } from "discord-api-types/v10";
import { DiscordRest } from "../../shared/discord/rest";

const TTL_SECONDS = 60;

import type { BotServer, GuildChannel, GuildRole } from "../../shared/contracts/discord-directory";

export type { BotServer, GuildChannel, GuildRole };

type DirectoryEnv = Pick<MaxisEnv, "DISCORD_API_BASE" | "DISCORD_BOT_TOKEN">;

/** The bot's client for directory reads: names are not worth a long wait, so two tries within 2 s. */
export const directoryRest = (env: DirectoryEnv) =>
  new DiscordRest({
    baseUrl: env.DISCORD_API_BASE,
    botToken: env.DISCORD_BOT_TOKEN,
    maxAttempts: 2,
    maxWaitMs: 2_000,
  });

/** `read()`'s answer kept in this colo's Workers cache under `key` for `ttlSeconds`. */
export async function cachedRead<T>(
  key: string,
  read: () => Promise<T>,
  waitUntil: (promise: Promise<unknown>) => void,
  ttlSeconds = TTL_SECONDS,
): Promise<T> {
  const request = new Request(`https://discord-directory.maxis.invalid/${key}`);
  const hit = await caches.default.match(request);
  if (hit) return (await hit.json()) as T;
  const value = await read();
  waitUntil(
    caches.default.put(
      request,
      new Response(JSON.stringify(value), {
        headers: { "Content-Type": "application/json", "Cache-Control": `max-age=${ttlSeconds}` },
      }),
    ),
  );
  return value;
}

/** The server's roles a staff member can hold: @everyone and roles managed by integrations left out. */
export const guildRoles = (env: DirectoryEnv, guildId: string, waitUntil: (p: Promise<unknown>) => void) =>
  cachedRead(
    `${guildId}/roles`,
    async () => {
      const roles = await directoryRest(env).request<APIRole[]>("GET", `/guilds/${guildId}/roles`);
      return roles
        .filter((role) => role.id !== guildId && !role.managed)
        .sort((a, b) => b.position - a.position)
        .map((role): GuildRole => ({ id: role.id, name: role.name, color: role.color }));
    },
    waitUntil,
  );

/** The server's text and announcement channels, in Discord's order. */
export const guildChannels = (env: DirectoryEnv, guildId: string, waitUntil: (p: Promise<unknown>) => void) =>
  cachedRead(
    `${guildId}/channels`,
    async () => {
      const channels = await directoryRest(env).request<APIChannel[]>("GET", `/guilds/${guildId}/channels`);
      return channels
        .filter((ch) => ch.type === ChannelType.GuildText || ch.type === ChannelType.GuildAnnouncement)
        .sort((a, b) => ("position" in a && "position" in b ? a.position - b.position : 0))
        .map(
          (ch): GuildChannel => ({
            id: ch.id,
            name: ch.name ?? ch.id,
            kind: ch.type === ChannelType.GuildAnnouncement ? "announcement" : "text",
          }),
        );
    },
    waitUntil,
  );

/**
 * The servers Maxis's bot is in (the first 200, which is what one call returns). Not cached: the
 * switcher asks once per dashboard load, and a server Maxis just joined must show at once.
 */
export async function botServers(env: DirectoryEnv): Promise<BotServer[]> {
  const guilds = await directoryRest(env).request<RESTGetAPICurrentUserGuildsResult>(
    "GET",
    "/users/@me/guilds",
  );
  return guilds.map((g): BotServer => ({ id: g.id, name: g.name }));
}
