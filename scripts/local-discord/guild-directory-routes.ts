/**
 * What the dashboard's Settings page asks Discord with the bot token, for the stand-in: the servers
 * the bot is in (`GET /users/@me/guilds`, for the server switcher). A server's roles come from the
 * stand-in's one role directory (roles.ts) through permissions.ts.
 * Kept apart from the other routes; null for any other request.
 */
import type { Context } from "hono";
import { LOCAL_GUILD_ID } from "../lib/local-identities";

export const localGuildName = (id: string) =>
  id === LOCAL_GUILD_ID ? "Local server" : `Local server ${id.slice(-4)}`;

export function guildDirectoryRoute(
  c: Context,
  method: string,
  path: string,
  authorization: string | null,
  guildIds: ReadonlySet<string>,
): Response | null {
  if (method !== "GET" || !authorization?.startsWith("Bot ")) return null;
  if (path === "/users/@me/guilds") {
    return c.json([...guildIds].map((id) => ({ id, name: localGuildName(id), icon: null, owner: false })));
  }
  return null;
}
