/** A server's roles, channels and the bot's servers as the dashboard gets them (src/maxis/servers/discord-directory.ts). */
export interface GuildRole {
  id: string;
  name: string;
  /** Discord's colour as 0xRRGGBB; 0: none. */
  color: number;
}

export interface GuildChannel {
  id: string;
  name: string;
  /** Text or announcement: where Maxis can post. */
  kind: "text" | "announcement";
}

export interface BotServer {
  id: string;
  name: string;
}
