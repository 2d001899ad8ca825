import { serverSettings } from "../../servers/settings-store";

/**
 * The channel a server's ticket threads are opened in (its settings, chosen with /setup; a new home
 * server starts with DISCORD_SUPPORT_CHANNEL_ID), or null: no thread, DMs are the fallback.
 */
export async function supportChannelFor(
  env: Parameters<typeof serverSettings>[0],
  guildId: string,
): Promise<string | null> {
  return (await serverSettings(env, guildId)).supportChannelId;
}
