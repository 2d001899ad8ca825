/**
 * The Discord servers an operator may name from Shellia (`/maxis promo server`): the servers Maxis's bot
 * is in (with global commands it serves every one of them) and the ones it is configured for (see
 * `maxisGuildIds`), each with its name as Discord gives it to Maxis's bot. Shellia may run on another
 * server, so it can neither list nor name them itself.
 */
import type { RESTGetAPICurrentUserGuildsResult } from "discord-api-types/v10";
import { DiscordRest } from "../../shared/discord/rest";
import { maxisGuildIds } from "../giveaways/channels";

export interface MaxisServer {
  id: string;
  /** null when Discord could not be asked: the id is all there is to show. */
  name: string | null;
}

const SNOWFLAKE = /^\d{17,20}$/;

export const isServerId = (value: string) => SNOWFLAKE.test(value);

/**
 * Configured servers first, then the others the bot is in (the first 200, one call). A control call
 * has about two seconds: one attempt per read; a configured server Discord did not list
 * is named by its own read.
 */
export async function listMaxisServers(env: MaxisEnv): Promise<MaxisServer[]> {
  const configured = maxisGuildIds(env);
  const joined = await botGuilds(env);
  const named = new Map(joined.map((guild) => [guild.id, guild.name]));
  const mine = await Promise.all(
    configured.map(async (id) => ({ id, name: named.get(id) ?? (await serverName(env, id)) })),
  );
  const others = joined.filter((guild) => !configured.includes(guild.id));
  return [...mine, ...others];
}

async function botGuilds(env: MaxisEnv): Promise<MaxisServer[]> {
  try {
    const guilds = await restOf(env).request<RESTGetAPICurrentUserGuildsResult>("GET", "/users/@me/guilds");
    return guilds
      .filter((guild) => SNOWFLAKE.test(guild.id))
      .map((guild) => ({ id: guild.id, name: guild.name || null }));
  } catch (error) {
    console.error("control: listing the bot's servers failed", error);
    return [];
  }
}

const restOf = (env: MaxisEnv) =>
  new DiscordRest({ baseUrl: env.DISCORD_API_BASE, botToken: env.DISCORD_BOT_TOKEN, maxAttempts: 1 });

/** One server's name as Discord gives it to Maxis's bot, or null (one attempt: a control call is short). */
export async function serverName(env: MaxisEnv, id: string): Promise<string | null> {
  try {
    const guild = await restOf(env).request<{ name?: string }>("GET", `/guilds/${id}`);
    return typeof guild.name === "string" && guild.name ? guild.name : null;
  } catch (error) {
    console.error(`control: reading the server ${id} failed`, error);
    return null;
  }
}
