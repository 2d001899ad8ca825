/**
 * The channel a server's ticket threads are opened in, or null (no thread: DMs are the fallback).
 * Until servers have their own settings, the one configured channel (DISCORD_SUPPORT_CHANNEL_ID)
 * belongs to the one configured server (DISCORD_GUILD_ID), as the staff channel does.
 */
export function supportChannelFor(
  env: Pick<MaxisEnv, "DISCORD_SUPPORT_CHANNEL_ID" | "DISCORD_GUILD_ID">,
  guildId: string,
): string | null {
  if (!env.DISCORD_SUPPORT_CHANNEL_ID || !env.DISCORD_GUILD_ID) return null;
  return guildId === env.DISCORD_GUILD_ID ? env.DISCORD_SUPPORT_CHANNEL_ID : null;
}
