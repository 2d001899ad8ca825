/**
 * The channels an operator may post a giveaway in from Shellia: text and announcement channels of
 * the servers Maxis is set up for, read from Discord with Maxis's bot token. Shellia may run on
 * another server, so it can neither list nor check them itself.
 */

import { ChannelType } from "discord-api-types/payloads/v10";
import { parseCommandScope } from "../../shared/discord/command-scope";
import { DiscordApiError, DiscordRest } from "../../shared/discord/rest";
import { err, ok, type Result } from "../../shared/result";

interface ChannelRow {
  id: string;
  name?: string;
  type: number;
  guild_id?: string;
}

const POSTABLE: ReadonlySet<number> = new Set([ChannelType.GuildText, ChannelType.GuildAnnouncement]);
const SNOWFLAKE = /^\d{17,20}$/;

/** A control call has about two seconds: no long rate-limit waits. */
const restFor = (env: MaxisEnv) =>
  new DiscordRest({ baseUrl: env.DISCORD_API_BASE, botToken: env.DISCORD_BOT_TOKEN, maxAttempts: 1 });

/** Maxis's servers: the dashboard's (DISCORD_GUILD_ID) and those its commands are registered in. */
export function maxisGuildIds(env: MaxisEnv): string[] {
  const scope = parseCommandScope(env.COMMAND_GUILD_IDS);
  const listed = scope.ok && scope.value.kind === "guilds" ? scope.value.guildIds : [];
  return [...new Set([env.DISCORD_GUILD_ID, ...listed].filter((id) => SNOWFLAKE.test(id ?? "")))];
}

export interface PostableChannel {
  id: string;
  name: string;
  guildId: string;
}

export async function listPostableChannels(env: MaxisEnv): Promise<PostableChannel[]> {
  const rest = restFor(env);
  const perGuild = await Promise.all(
    maxisGuildIds(env).map(async (guildId) => {
      try {
        const rows = await rest.request<ChannelRow[]>("GET", `/guilds/${guildId}/channels`);
        return rows
          .filter((row) => POSTABLE.has(row.type))
          .map((row) => ({ id: row.id, name: row.name ?? row.id, guildId }));
      } catch (error) {
        console.error(`control: listing the channels of ${guildId} failed`, error);
        return [];
      }
    }),
  );
  return perGuild.flat();
}

export type ChannelCheck = Result<PostableChannel, "invalid_channel" | "discord_failed">;

/** Is this a text or announcement channel of a server, that Maxis can see? */
export async function checkPostableChannel(env: MaxisEnv, channelId: string): Promise<ChannelCheck> {
  if (!SNOWFLAKE.test(channelId)) return err("invalid_channel");
  try {
    const row = await restFor(env).request<ChannelRow>("GET", `/channels/${channelId}`);
    if (!POSTABLE.has(row.type) || !row.guild_id) return err("invalid_channel");
    return ok({ id: row.id, name: row.name ?? row.id, guildId: row.guild_id });
  } catch (error) {
    // Unknown channel, or one Maxis may not see: either way it cannot post there.
    if (error instanceof DiscordApiError && error.status >= 400 && error.status < 500)
      return err("invalid_channel");
    console.error("control: reading a channel failed", error);
    return err("discord_failed");
  }
}
