/**
 * The stand-in's REST routes over what it remembers (messages, threads, webhooks) and the Gateway's
 * address: answered as Discord answers them, with Discord's errors where Maxis must handle them.
 * Returns null for any route it does not own, so the stateless answers in server.ts take over.
 */
import type { Context } from "hono";
import type { LocalGateway } from "./gateway";
import { LOCAL_BOT_USER, nextSnowflake } from "./ids";
import type { MessageStore, StoredMessage, ThreadChannel } from "./messages";

interface Channel {
  id: string;
  name: string;
  type: number;
  guild_id: string;
}

export interface ThreadRouteInput {
  method: string;
  path: string;
  body: unknown;
  store: MessageStore;
  channels: Channel[];
  gateway: LocalGateway;
}

const PRIVATE_THREAD = 12;
const THREAD_NAME_LIMIT = 100;

const unknownChannel = (c: Context) => c.json({ message: "Unknown Channel", code: 10003 }, 404);

function messageFields(json: Record<string, unknown>) {
  return {
    content: typeof json["content"] === "string" ? json["content"] : "",
    embeds: Array.isArray(json["embeds"]) ? json["embeds"] : [],
    components: Array.isArray(json["components"]) ? json["components"] : [],
    attachments: [] as StoredMessage["attachments"],
  };
}

export function threadRoutes(c: Context, input: ThreadRouteInput): Response | null {
  const { method, path, store, channels, gateway } = input;
  const json = (input.body ?? {}) as Record<string, unknown>;

  if (path === "/gateway/bot" && method === "GET") {
    return c.json({
      url: gateway.url(),
      shards: gateway.settings.shards,
      session_start_limit: { total: 1000, remaining: 999, reset_after: 86_400_000, max_concurrency: 1 },
    });
  }

  // Starting a thread without a message: private threads only (what Maxis opens per ticket).
  let match = path.match(/^\/channels\/(\d+)\/threads$/);
  if (match && method === "POST") {
    const parent = channels.find((ch) => ch.id === match?.[1]);
    if (!parent) return unknownChannel(c);
    const name = typeof json["name"] === "string" ? json["name"] : "";
    if (name.length < 1 || name.length > THREAD_NAME_LIMIT) {
      return c.json(
        {
          message: "Invalid Form Body",
          code: 50035,
          errors: { name: { _errors: [{ code: "BASE_TYPE_BAD_LENGTH" }] } },
        },
        400,
      );
    }
    const thread: ThreadChannel = {
      id: nextSnowflake(),
      name,
      type: Number(json["type"] ?? PRIVATE_THREAD),
      guild_id: parent.guild_id,
      parent_id: parent.id,
      owner_id: LOCAL_BOT_USER.id,
      members: [LOCAL_BOT_USER.id],
      thread_metadata: {
        archived: false,
        locked: false,
        invitable: json["invitable"] !== false,
        auto_archive_duration: Number(json["auto_archive_duration"] ?? 10080),
      },
    };
    store.threads.set(thread.id, thread);
    channels.push({ id: thread.id, name, type: thread.type, guild_id: thread.guild_id });
    return c.json(thread, 201);
  }

  match = path.match(/^\/channels\/(\d+)\/thread-members(?:\/(\d+|@me))?$/);
  if (match) {
    const thread = store.threads.get(match[1] ?? "");
    if (!thread) return unknownChannel(c);
    const user = match[2] === "@me" ? LOCAL_BOT_USER.id : match[2];
    if (method === "PUT" && user) {
      if (!thread.members.includes(user)) thread.members.push(user);
      return c.body(null, 204);
    }
    if (method === "DELETE" && user) {
      thread.members = thread.members.filter((m) => m !== user);
      return c.body(null, 204);
    }
    if (method === "GET" && !user)
      return c.json(thread.members.map((id) => ({ id: thread.id, user_id: id })));
  }

  match = path.match(/^\/channels\/(\d+)$/);
  if (match && method === "GET") {
    const thread = store.threads.get(match[1] ?? "");
    return thread ? c.json(thread) : null;
  }
  if (match && method === "DELETE") {
    const thread = store.threads.get(match[1] ?? "");
    if (!thread) return null;
    store.threads.delete(thread.id);
    const at = channels.findIndex((ch) => ch.id === thread.id);
    if (at >= 0) channels.splice(at, 1);
    return c.json(thread);
  }
  if (match && method === "PATCH") {
    const thread = store.threads.get(match[1] ?? "");
    if (!thread) return unknownChannel(c);
    if (typeof json["archived"] === "boolean") thread.thread_metadata.archived = json["archived"];
    if (typeof json["locked"] === "boolean") thread.thread_metadata.locked = json["locked"];
    if (typeof json["name"] === "string") thread.name = json["name"];
    return c.json(thread);
  }

  match = path.match(/^\/channels\/(\d+)\/messages$/);
  if (match && method === "GET") {
    const limit = Math.min(Math.max(Number(c.req.query("limit") ?? 50), 1), 100);
    return c.json(store.after(match[1] ?? "", c.req.query("after") ?? "0", limit));
  }
  if (match && method === "POST") {
    const channelId = match[1] ?? "";
    const thread = store.threads.get(channelId);
    // Discord's `enforce_nonce`: a second create with the same nonce in the channel (within minutes)
    // returns the message the first one made instead of posting it again.
    const nonce = json["enforce_nonce"] === true && typeof json["nonce"] === "string" ? json["nonce"] : null;
    const earlier = nonce === null ? undefined : store.nonces.get(`${channelId}:${nonce}`);
    if (earlier) return c.json(earlier);
    // The bot holds Manage Threads, so it may still write in a locked thread; an archived one is reopened.
    if (thread?.thread_metadata.archived) thread.thread_metadata.archived = false;
    const message = store.post({
      channel_id: channelId,
      author: { ...LOCAL_BOT_USER, avatar: null, bot: true },
      ...messageFields(json),
    });
    if (nonce !== null) store.nonces.set(`${channelId}:${nonce}`, message);
    return c.json(message);
  }
  match = path.match(/^\/channels\/(\d+)\/messages\/(\d+)$/);
  if (match && method === "PATCH") {
    const existing = store.messages.get(match[1] ?? "")?.find((m) => m.id === match?.[2]);
    if (!existing) return null;
    // An edit changes only what it names, as Discord's does.
    if (Array.isArray(json["embeds"])) existing.embeds = json["embeds"];
    if (Array.isArray(json["components"])) existing.components = json["components"];
    const content = typeof json["content"] === "string" ? json["content"] : existing.content;
    return c.json(store.edit(existing.channel_id, existing.id, content));
  }

  match = path.match(/^\/channels\/(\d+)\/webhooks$/);
  if (match) {
    const channel = channels.find((ch) => ch.id === match?.[1]);
    if (!channel) return unknownChannel(c);
    if (method === "GET")
      return c.json([...store.webhooks.values()].filter((w) => w.channel_id === channel.id));
    if (method === "POST") {
      const webhook = {
        id: nextSnowflake(),
        token: crypto.randomUUID().replaceAll("-", ""),
        channel_id: channel.id,
        guild_id: channel.guild_id,
        name: typeof json["name"] === "string" ? json["name"] : "Captain Hook",
        type: 1 as const,
      };
      store.webhooks.set(webhook.id, webhook);
      return c.json(webhook);
    }
  }

  match = path.match(/^\/webhooks\/(\d+)$/);
  if (match && method === "DELETE") {
    return store.webhooks.delete(match[1] ?? "")
      ? c.body(null, 204)
      : c.json({ message: "Unknown Webhook", code: 10015 }, 404);
  }

  // Executing a channel webhook (interaction follow-ups use the same path with the application id).
  match = path.match(/^\/webhooks\/(\d+)\/([^/]+)$/);
  const webhook = match ? store.webhooks.get(match[1] ?? "") : undefined;
  if (match && webhook && method === "POST") {
    if (webhook.token !== match[2]) return c.json({ message: "Invalid Webhook Token", code: 50027 }, 401);
    const threadId = c.req.query("thread_id");
    let channelId = webhook.channel_id;
    if (threadId) {
      const thread = store.threads.get(threadId);
      if (!thread || thread.parent_id !== webhook.channel_id) return unknownChannel(c);
      if (thread.thread_metadata.locked) return c.json({ message: "Thread is locked", code: 50083 }, 400);
      thread.thread_metadata.archived = false;
      channelId = thread.id;
    }
    const message = store.post({
      channel_id: channelId,
      webhook_id: webhook.id,
      author: {
        id: webhook.id,
        username: typeof json["username"] === "string" ? json["username"] : webhook.name,
        avatar: typeof json["avatar_url"] === "string" ? json["avatar_url"] : null,
        bot: true,
      },
      ...messageFields(json),
    });
    return c.req.query("wait") === "true" ? c.json(message) : c.body(null, 204);
  }
  return null;
}
