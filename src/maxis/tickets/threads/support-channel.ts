import { serverSettings } from "../../servers/settings-store";

type SupportChannelEnv = Parameters<typeof serverSettings>[0] &
  Pick<MaxisEnv, "DISCORD_GUILD_ID" | "DISCORD_SUPPORT_CHANNEL_ID">;

/**
 * The channel a server's ticket threads are opened in: its settings (chosen with /setup), else, for
 * Maxis's home server only, DISCORD_SUPPORT_CHANNEL_ID — a home server whose settings row predates the
 * support-channel setting (an upgraded deployment) keeps opening threads where it did. Null: no thread,
 * DMs are the fallback.
 */
export function effectiveSupportChannel(
  configured: string | null,
  env: Pick<MaxisEnv, "DISCORD_GUILD_ID" | "DISCORD_SUPPORT_CHANNEL_ID">,
  guildId: string,
): string | null {
  if (configured) return configured;
  const home = env.DISCORD_SUPPORT_CHANNEL_ID?.trim();
  return home && /^[0-9]{1,20}$/.test(home) && env.DISCORD_GUILD_ID === guildId ? home : null;
}

export async function supportChannelFor(env: SupportChannelEnv, guildId: string): Promise<string | null> {
  return effectiveSupportChannel((await serverSettings(env, guildId)).supportChannelId, env, guildId);
}
