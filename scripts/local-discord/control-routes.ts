import { Hono } from "hono";
import { localPerson } from "../lib/local-identities";
import type { LocalGateway } from "./gateway";
import { nextSnowflake } from "./ids";
import type { MessageStore } from "./messages";

/**
 * Steering the stand-in from tests and `npm run interact`: messages typed by people, and the Gateway
 * (its state, drops, op 7, op 9, heartbeat ACKs, heartbeat interval, shard count).
 */
export function localControlRoutes(gateway: LocalGateway, store: MessageStore): Hono {
  const local = new Hono();
  local.post("/messages", async (c) => {
    const input = (await c.req.json()) as {
      channel_id?: unknown;
      author_id?: unknown;
      content?: unknown;
      roles?: unknown;
      username?: unknown;
      attachments?: unknown;
    };
    const isId = (v: unknown): v is string => typeof v === "string" && /^\d{17,20}$/.test(v);
    const roles = Array.isArray(input.roles) ? input.roles.filter(isId) : [];
    const attachments = Array.isArray(input.attachments)
      ? input.attachments.filter((a): a is string => typeof a === "string")
      : [];
    if (!isId(input.channel_id) || !isId(input.author_id) || typeof input.content !== "string") {
      return c.json(
        { message: "channel_id and author_id (snowflakes) and content (text) are required" },
        400,
      );
    }
    const thread = store.threads.get(input.channel_id);
    if (thread?.thread_metadata.locked) return c.json({ message: "Thread is locked", code: 50083 }, 400);
    // A seeded person is named as everywhere else (local-identities.ts); anyone else gets a made-up name.
    const person = localPerson(input.author_id);
    const message = store.post({
      channel_id: input.channel_id,
      author: {
        id: input.author_id,
        username:
          typeof input.username === "string"
            ? input.username
            : (person?.username ?? `user-${input.author_id.slice(-4)}`),
        global_name: person?.globalName ?? null,
        avatar: null,
      },
      member: { roles },
      content: input.content,
      embeds: [],
      components: [],
      attachments: attachments.map((filename) => {
        const id = nextSnowflake();
        return {
          id,
          filename,
          size: 1,
          url: `https://cdn.discordapp.test/attachments/${input.channel_id}/${id}/${filename}`,
        };
      }),
    });
    return c.json(message);
  });
  local.patch("/messages/:channel/:message", async (c) => {
    const { content } = (await c.req.json()) as { content?: unknown };
    if (typeof content !== "string") return c.json({ message: "content is required" }, 400);
    const edited = store.edit(c.req.param("channel"), c.req.param("message"), content);
    return edited ? c.json(edited) : c.json({ message: "Unknown Message", code: 10008 }, 404);
  });
  local.delete("/messages/:channel/:message", (c) =>
    store.remove(c.req.param("channel"), c.req.param("message"))
      ? c.body(null, 204)
      : c.json({ message: "Unknown Message", code: 10008 }, 404),
  );
  local.get("/channels/:channel/messages", (c) =>
    c.json(store.after(c.req.param("channel"), "0", Number.MAX_SAFE_INTEGER).reverse()),
  );
  local.get("/threads/:thread", (c) => {
    const thread = store.threads.get(c.req.param("thread"));
    return thread ? c.json(thread) : c.json({ message: "Unknown Channel", code: 10003 }, 404);
  });
  local.get("/gateway", (c) => c.json(gateway.state()));
  local.post("/gateway", async (c) => {
    const body = (await c.req.json()) as {
      heartbeat_interval_ms?: number;
      shards?: number;
      acknowledge_heartbeats?: boolean;
      refuse_connections?: boolean;
    };
    if (body.heartbeat_interval_ms !== undefined)
      gateway.settings.heartbeatIntervalMs = body.heartbeat_interval_ms;
    if (body.shards !== undefined) gateway.settings.shards = body.shards;
    if (body.acknowledge_heartbeats !== undefined)
      gateway.settings.acknowledgeHeartbeats = body.acknowledge_heartbeats;
    if (body.refuse_connections !== undefined) {
      gateway.settings.refuseUntil = body.refuse_connections ? Number.POSITIVE_INFINITY : 0;
    }
    return c.json(gateway.state());
  });
  local.post("/gateway/drop", async (c) => {
    const body = (await c.req.json().catch(() => ({}))) as { resumable?: boolean; down_ms?: number };
    return c.json({
      dropped: gateway.drop({ resumable: body.resumable ?? true, downMs: body.down_ms ?? 0 }),
    });
  });
  local.post("/gateway/reconnect", (c) => c.json({ sent: gateway.requestReconnect() }));
  local.post("/gateway/invalidate", (c) => c.json({ sent: gateway.invalidateSessions() }));
  return local;
}
