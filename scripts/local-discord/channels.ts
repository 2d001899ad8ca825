/** The local server's channels as the bot sees them. */
import {
  LOCAL_CHANNEL_ID,
  LOCAL_GUILD_ID,
  LOCAL_STAFF_CHANNEL_ID,
  LOCAL_SUPPORT_CHANNEL_ID,
} from "../lib/local-identities";

export interface LocalChannel {
  id: string;
  name: string;
  type: number;
  guild_id: string;
}

/**
 * The local server's channels, as the bot sees them (GET /guilds/:id/channels, GET /channels/:id).
 * Tests add their own with `POST /__local/channels`.
 */
export const LOCAL_CHANNELS: readonly LocalChannel[] = [
  { id: LOCAL_CHANNEL_ID, name: "general", type: 0, guild_id: LOCAL_GUILD_ID },
  { id: LOCAL_STAFF_CHANNEL_ID, name: "staff", type: 0, guild_id: LOCAL_GUILD_ID },
  { id: "1300000000000000050", name: "announcements", type: 5, guild_id: LOCAL_GUILD_ID },
  { id: "1300000000000000060", name: "Lounge", type: 2, guild_id: LOCAL_GUILD_ID },
  // Where ticket threads are opened (DISCORD_SUPPORT_CHANNEL_ID); listed last, after the seeded ones.
  { id: LOCAL_SUPPORT_CHANNEL_ID, name: "support", type: 0, guild_id: LOCAL_GUILD_ID },
];
