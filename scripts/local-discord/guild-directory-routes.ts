/**
 * What the dashboard's Settings page asks Discord with the bot token, for the stand-in: the servers
 * the bot is in (`GET /users/@me/guilds`, for the server switcher) and a server's roles
 * (`GET /guilds/{id}/roles`, for the role pickers). Every server the stand-in knows has the bot, the
 * same three roles (@everyone, whose id is the server's, the support role and a billing role).
 * Kept apart from the other routes; null for any other request.
 */
import type { Context } from "hono";
import { LOCAL_GUILD_ID, LOCAL_STAFF_ROLE_ID } from "../lib/local-identities";

/** A second role of every local server, for per-category staff on the Settings page. */
export const LOCAL_BILLING_ROLE_ID = "1300000000000000031";

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
  const roles = path.match(/^\/guilds\/(\d+)\/roles$/);
  if (roles?.[1]) {
    const id = roles[1];
    if (!guildIds.has(id)) return c.json({ message: "Unknown Guild", code: 10004 }, 404);
    const role = (roleId: string, name: string, position: number, color = 0) => ({
      id: roleId,
      name,
      position,
      color,
      managed: false,
      hoist: false,
      mentionable: false,
      permissions: "0",
    });
    return c.json([
      role(id, "@everyone", 0),
      role(LOCAL_STAFF_ROLE_ID, "Support", 2, 0x3b82f6),
      role(LOCAL_BILLING_ROLE_ID, "Billing", 1, 0x10b981),
    ]);
  }
  return null;
}
