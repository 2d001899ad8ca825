/**
 * What the dashboard's Settings page asks Discord with the bot token, for the stand-in: the servers
 * the bot is in (`GET /users/@me/guilds`, for the server switcher) and a server's roles
 * (`GET /guilds/{id}/roles`, for the role pickers, from the stand-in's one role directory, roles.ts).
 * Kept apart from the other routes; null for any other request.
 */
import type { APIRole } from "discord-api-types/v10";
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
  rolesOf: (guildId: string) => readonly APIRole[],
): Response | null {
  if (method !== "GET" || !authorization?.startsWith("Bot ")) return null;
  if (path === "/users/@me/guilds") {
    return c.json([...guildIds].map((id) => ({ id, name: localGuildName(id), icon: null, owner: false })));
  }
  const roles = path.match(/^\/guilds\/(\d+)\/roles$/);
  if (roles?.[1]) {
    return c.json(rolesOf(roles[1]));
  }
  return null;
}
