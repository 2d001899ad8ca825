import type { Context } from "hono";
import { LOCAL_GUILD_ID } from "../lib/local-identities";
import type { LocalChannel } from "./channels";
import { nextSnowflake } from "./ids";
import { LOCAL_OWNER_ID, type LocalPermissions } from "./permissions";

/** The DM channel of each person the bot wrote to, by user id. */
const dmChannels = new Map<string, string>();

/** Plausible success answers for the routes our Workers and scripts use. */
export function respondLikeDiscord(
  c: Context,
  method: string,
  path: string,
  body: unknown,
  channels: readonly LocalChannel[],
  permissions: LocalPermissions,
): Response {
  const json = (body ?? {}) as Record<string, unknown>;
  const message = (channelId: string) => ({
    id: nextSnowflake(),
    channel_id: channelId,
    content: "",
    embeds: [],
    components: [],
    attachments: [],
    timestamp: new Date().toISOString(),
    ...json,
  });

  let match = path.match(/^\/webhooks\/(\d+)\/([^/]+)(?:\/messages\/([^/]+))?$/);
  if (match && (method === "POST" || method === "PATCH")) return c.json(message("interaction"));
  if (match && method === "DELETE") return c.body(null, 204);

  match = path.match(/^\/channels\/([^/]+)\/messages(?:\/(\d+))?$/);
  if (match?.[1] && (method === "POST" || method === "PATCH")) return c.json(message(match[1]));
  if (match && method === "DELETE") return c.body(null, 204);

  // A server as the bot sees it: its name (`/maxis promo server` suggestions).
  match = path.match(/^\/guilds\/(\d+)$/);
  if (match?.[1] && method === "GET") {
    const id = match[1];
    return c.json({
      id,
      name: id === LOCAL_GUILD_ID ? "Local server" : `Local server ${id.slice(-4)}`,
      owner_id: LOCAL_OWNER_ID,
    });
  }
  match = path.match(/^\/guilds\/(\d+)\/channels$/);
  if (match && method === "GET") return c.json(channels.filter((ch) => ch.guild_id === match?.[1]));
  match = path.match(/^\/channels\/(\d+)$/);
  if (match && method === "GET") {
    const channel = channels.find((ch) => ch.id === match?.[1]);
    return channel
      ? c.json({ ...channel, permission_overwrites: permissions.overwritesOf(channel.id) })
      : c.json({ message: "Unknown Channel", code: 10003 }, 404);
  }
  if (path === "/users/@me/channels" && method === "POST") {
    // As on Discord, one DM channel per person: opening it again returns the same channel.
    const recipient = String(json["recipient_id"]);
    let id = dmChannels.get(recipient);
    if (!id) {
      id = nextSnowflake();
      dmChannels.set(recipient, id);
    }
    return c.json({ id, type: 1, recipients: [{ id: recipient }] });
  }
  if (/^\/applications\/\d+(?:\/guilds\/\d+)?\/commands$/.test(path) && method === "PUT") {
    const commands = Array.isArray(body) ? body : [];
    return c.json(commands.map((command: object) => ({ id: nextSnowflake(), version: "1", ...command })));
  }
  return c.json({ message: "404: Not Found", code: 0 }, 404);
}
