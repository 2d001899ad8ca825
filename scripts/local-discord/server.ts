/**
 * A local stand-in for Discord's REST API, at its HTTP boundary: the Workers talk to it exactly as
 * they would talk to discord.com (DISCORD_API_BASE), and it records every request so that
 * `npm run interact` can print follow-ups and tests can assert the exact calls made.
 * It can also be told to answer the next matching requests with a scripted failure (e.g. a 429),
 * scoped to one test by what only that test's requests carry (a recipient, a marker in the text, the
 * interaction token in the path), so tests running side by side never meet each other's failures.
 */

import type { Server } from "node:http";
import { serve } from "@hono/node-server";
import { type Context, Hono } from "hono";
import {
  LOCAL_APPLICATION_ID,
  LOCAL_CHANNEL_ID,
  LOCAL_GUILD_ID,
  LOCAL_STAFF_CHANNEL_ID,
  LOCAL_SUPPORT_CHANNEL_ID,
} from "../lib/local-identities";
import { createLocalGateway, GATEWAY_PATH, type LocalGateway } from "./gateway";
import { guildDirectoryRoute } from "./guild-directory-routes";
import { LOCAL_BOT_USER, nextSnowflake } from "./ids";
import { createMemberList } from "./member-list-routes";
import { createMessageStore, type MessageStore } from "./messages";
import { createLocalOAuth } from "./oauth";
import {
  createLocalPermissions,
  LOCAL_OWNER_ID,
  type LocalPermissions,
  type PermissionChange,
} from "./permissions";
import { createRoleDirectory } from "./roles";
import { threadRoutes } from "./thread-routes";

interface LocalChannel {
  id: string;
  name: string;
  type: number;
  guild_id: string;
}

/**
 * The local server's channels, as the bot sees them (GET /guilds/:id/channels, GET /channels/:id).
 * Tests add their own with `POST /__local/channels`.
 */
const LOCAL_CHANNELS: readonly LocalChannel[] = [
  { id: LOCAL_CHANNEL_ID, name: "general", type: 0, guild_id: LOCAL_GUILD_ID },
  { id: LOCAL_STAFF_CHANNEL_ID, name: "staff", type: 0, guild_id: LOCAL_GUILD_ID },
  { id: "1300000000000000050", name: "announcements", type: 5, guild_id: LOCAL_GUILD_ID },
  { id: "1300000000000000060", name: "Lounge", type: 2, guild_id: LOCAL_GUILD_ID },
  // Where ticket threads are opened (DISCORD_SUPPORT_CHANNEL_ID); listed last, after the seeded ones.
  { id: LOCAL_SUPPORT_CHANNEL_ID, name: "support", type: 0, guild_id: LOCAL_GUILD_ID },
];

export interface RecordedRequest {
  seq: number;
  /** When it arrived (ms since the epoch), so tests can check waits such as a 429's retry_after. */
  at: number;
  method: string;
  path: string;
  /** JSON body, or `payload_json` for multipart bodies. */
  body: unknown;
  /** Attached files of a multipart body, as text. */
  files: { name: string; content: string }[];
  authorization: string | null;
  auditLogReason: string | null;
  /** What the stand-in answered (JSON body, or null), once it has: e.g. the id of a DM channel it opened. */
  status?: number;
  response?: unknown;
}

export interface ScriptedFailure {
  method: string;
  /** Regular expression tested against the path after `/api/v10` (e.g. naming an interaction token). */
  pathPattern: string;
  /**
   * Only requests whose JSON body contains this text: a recipient's id (`POST /users/@me/channels`
   * carries `recipient_id`), or a marker only one test writes. Leave it out to match any body.
   */
  bodyIncludes?: string;
  status: number;
  body: unknown;
  headers?: Record<string, string>;
  times: number;
}

async function readPayload(
  c: Context,
): Promise<Pick<RecordedRequest, "body" | "files"> & { form?: Record<string, string> }> {
  const type = c.req.header("Content-Type") ?? "";
  if (type.startsWith("application/x-www-form-urlencoded")) {
    const form = Object.fromEntries(new URLSearchParams(await c.req.text()));
    // Recorded for assertions, without the application's secret.
    return {
      body: { ...form, ...(form["client_secret"] ? { client_secret: "<redacted>" } : {}) },
      files: [],
      form,
    };
  }
  if (type.startsWith("multipart/form-data")) {
    const form = await c.req.formData();
    const files: RecordedRequest["files"] = [];
    for (const [key, value] of form as unknown as Iterable<[string, string | File]>) {
      if (key.startsWith("files[") && typeof value !== "string") {
        files.push({ name: value.name, content: await value.text() });
      }
    }
    const payload = form.get("payload_json");
    return { body: typeof payload === "string" ? JSON.parse(payload) : null, files };
  }
  const text = await c.req.text();
  return { body: text ? JSON.parse(text) : null, files: [] };
}

/** The bot user Maxis is on the stand-in (its messages come back through the Gateway with this author). */

export function createLocalDiscordApp(
  gateway: LocalGateway = createLocalGateway(LOCAL_BOT_USER, LOCAL_APPLICATION_ID),
): Hono {
  const requests: RecordedRequest[] = [];
  let failures: ScriptedFailure[] = [];
  let seq = 0;
  const oauth = createLocalOAuth();
  const roles = createRoleDirectory();
  const app = new Hono();

  // Discord's consent screen lives on discord.com, outside /api: here it auto-approves `login_as`.
  app.get("/oauth2/authorize", (c) => {
    const answer = oauth.authorize(new URL(c.req.url).searchParams);
    return "redirect" in answer
      ? c.redirect(answer.redirect, 302)
      : c.html(answer.html, answer.status as 200);
  });

  app.get("/__local/requests", (c) => {
    const since = Number(c.req.query("since") ?? 0);
    const token = c.req.query("token");
    return c.json(requests.filter((r) => r.seq > since && (!token || r.path.includes(token))));
  });
  app.delete("/__local/requests", (c) => {
    requests.length = 0;
    failures = [];
    return c.body(null, 204);
  });
  const channels: LocalChannel[] = [...LOCAL_CHANNELS];
  const store = createMessageStore(
    gateway,
    nextSnowflake,
    (id) => channels.find((ch) => ch.id === id)?.guild_id,
  );
  app.route("/__local", localControlRoutes(gateway, store));
  // A channel the bot can see from now on: {"id","guild_id","type"?,"name"?} (type 0, text, by default).
  app.post("/__local/channels", async (c) => {
    const { id, guild_id, type = 0, name = "test" } = (await c.req.json()) as Partial<LocalChannel>;
    if (!/^\d{17,20}$/.test(id ?? "") || !/^\d{17,20}$/.test(guild_id ?? "")) {
      return c.json({ message: "bad id" }, 400);
    }
    channels.push({ id: id as string, guild_id: guild_id as string, type, name });
    return c.body(null, 204);
  });
  app.post("/__local/guilds", async (c) => {
    const { id } = (await c.req.json()) as { id?: unknown };
    return typeof id === "string" && oauth.addGuild(id)
      ? c.body(null, 204)
      : c.json({ message: "bad id" }, 400);
  });
  app.put("/__local/guilds/:guild/members/:user/roles", async (c) => {
    const { roles } = (await c.req.json()) as { roles?: unknown };
    const valid = Array.isArray(roles) && roles.every((r) => typeof r === "string");
    return valid && oauth.setRoles(c.req.param("guild"), c.req.param("user"), roles)
      ? c.body(null, 204)
      : c.json({ message: "unknown guild or user, or roles not a list of ids" }, 400);
  });
  // Role grants and removals the bot made (PUT/DELETE /guilds/{guild}/members/{user}/roles/{role}),
  // by `<guild>:<user>`; the member reads (GET /guilds/{guild}/members/{user}) show them.
  const grantedRoles = new Map<string, Set<string>>();
  app.get("/__local/guilds/:guild/members/:user/roles", (c) =>
    c.json([...(grantedRoles.get(`${c.req.param("guild")}:${c.req.param("user")}`) ?? [])]),
  );
  const memberList = createMemberList(oauth, grantedRoles);
  // Any other member the bot can read (GET /guilds/:guild/members/:user, and the member list), with
  // their roles: {"guild_id","user_id","roles","name"?}. The seeded people answer as they always did.
  app.post("/__local/members", async (c) => {
    const { guild_id, user_id, roles, name } = (await c.req.json()) as Record<string, unknown>;
    const ids = [guild_id, user_id].every((id) => typeof id === "string" && /^\d{17,20}$/.test(id));
    if (!ids || !Array.isArray(roles) || !roles.every((r) => typeof r === "string")) {
      return c.json({ message: "guild_id and user_id are ids, roles a list of ids" }, 400);
    }
    grantedRoles.set(`${guild_id}:${user_id}`, new Set(roles as string[]));
    if (typeof name === "string" && name) memberList.setName(guild_id as string, user_id as string, name);
    return c.body(null, 204);
  });
  app.post("/__local/guilds/:guild/roles", async (c) => {
    const { id, name } = (await c.req.json()) as { id?: unknown; name?: unknown };
    if (typeof id !== "string" || !/^\d{17,20}$/.test(id) || typeof name !== "string") {
      return c.json({ message: "id (a snowflake) and name are required" }, 400);
    }
    return c.json(roles.add(c.req.param("guild"), id, name));
  });
  // Roles and overwrites Maxis's permission checks read: {"guild_id","roles"?,"bot_roles"?} or
  // {"channel_id","overwrites"} (see permissions.ts).
  const permissions = createLocalPermissions((guildId) => roles.list(guildId));
  app.post("/__local/permissions", async (c) =>
    permissions.change((await c.req.json()) as PermissionChange)
      ? c.body(null, 204)
      : c.json({ message: "guild_id with roles/bot_roles, or channel_id with overwrites" }, 400),
  );
  app.post("/__local/failures", async (c) => {
    failures.push((await c.req.json()) as ScriptedFailure);
    return c.body(null, 204);
  });

  app.all("/api/v10/*", async (c) => {
    const path = c.req.path.slice("/api/v10".length);
    const method = c.req.method;
    const { form, ...payload } =
      method === "GET" || method === "DELETE" ? { body: null, files: [] } : await readPayload(c);
    const authorization = c.req.header("Authorization") ?? null;
    const recorded: RecordedRequest = {
      seq: ++seq,
      at: Date.now(),
      method,
      path,
      ...payload,
      authorization,
      auditLogReason: c.req.header("X-Audit-Log-Reason") ?? null,
    };
    requests.push(recorded);

    const answer = (): Response => {
      const body = JSON.stringify(payload.body ?? null);
      const failure = failures.find(
        (f) =>
          f.method === method &&
          new RegExp(f.pathPattern).test(path) &&
          (f.bodyIncludes === undefined || body.includes(f.bodyIncludes)),
      );
      if (failure) {
        failure.times -= 1;
        if (failure.times <= 0) failures = failures.filter((f) => f !== failure);
        return c.json(failure.body as object, failure.status as 400, failure.headers ?? {});
      }
      const permissionAnswer = permissions.route(c, method, path);
      if (permissionAnswer) return permissionAnswer;
      const directoryAnswer = guildDirectoryRoute(c, method, path, authorization, oauth.knownGuilds());
      if (directoryAnswer) return directoryAnswer;
      const listAnswer = memberList.route(c, method, path, authorization);
      if (listAnswer) return listAnswer;
      const roleAnswer = memberRoleRoute(
        c,
        method,
        path,
        authorization,
        grantedRoles,
        oauth,
        memberList.name,
      );
      if (roleAnswer) return roleAnswer;
      const oauthAnswer =
        path === "/oauth2/token" && method === "POST"
          ? oauth.exchange(form ?? {}, authorization)
          : oauth.userRoute(method, path, authorization);
      if (oauthAnswer)
        return c.json(oauthAnswer.body as object, oauthAnswer.status as 200, oauthAnswer.headers ?? {});
      return (
        threadRoutes(c, { method, path, body: payload.body, store, channels, gateway }) ??
        respondLikeDiscord(c, method, path, payload.body, channels, permissions)
      );
    };
    const response = answer();
    recorded.status = response.status;
    recorded.response = await response
      .clone()
      .json()
      .catch(() => null);
    return response;
  });

  app.notFound((c) => c.json({ message: "404: Not Found", code: 0 }, 404));
  return app;
}

/**
 * A member's roles as the bot changes and reads them. Seeded people keep their usual roles plus what
 * was granted (and the OAuth2 reads agree); anyone else is a member with only the granted roles once
 * a role was granted to them.
 */
function memberRoleRoute(
  c: Context,
  method: string,
  path: string,
  authorization: string | null,
  grantedRoles: Map<string, Set<string>>,
  oauth: ReturnType<typeof createLocalOAuth>,
  nameOf: (guildId: string, userId: string) => string | undefined,
): Response | null {
  const change = path.match(/^\/guilds\/(\d+)\/members\/(\d+)\/roles\/(\d+)$/);
  const read = path.match(/^\/guilds\/(\d+)\/members\/(\d+)$/);
  if (!(change && (method === "PUT" || method === "DELETE")) && !(read && method === "GET")) return null;
  if (!authorization?.startsWith("Bot ")) return c.json({ message: "401: Unauthorized", code: 0 }, 401);
  const [, guild = "", user = "", role = ""] = (change ?? read) as RegExpMatchArray;
  const key = `${guild}:${user}`;
  const seeded = oauth.userRoute("GET", `/guilds/${guild}/members/${user}`, authorization);
  const seededRoles = seeded?.status === 200 ? (seeded.body as { roles: string[] }).roles : null;
  if (read) {
    if (seededRoles) return null;
    const roles = grantedRoles.get(key);
    // Nobody the bot ever gave a role to: Discord's usual answer, as the OAuth2 stand-in gives it.
    if (!roles) return null;
    return c.json({
      user: { id: user, username: `member-${user.slice(-4)}`, global_name: nameOf(guild, user) ?? null },
      roles: [...roles],
      nick: null,
    });
  }
  const roles = grantedRoles.get(key) ?? new Set(seededRoles ?? []);
  if (method === "PUT") roles.add(role);
  else roles.delete(role);
  grantedRoles.set(key, roles);
  if (seededRoles) oauth.setRoles(guild, user, [...roles]);
  return c.body(null, 204);
}

/** The DM channel of each person the bot wrote to, by user id. */
const dmChannels = new Map<string, string>();

/** Plausible success answers for the routes our Workers and scripts use. */
function respondLikeDiscord(
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

/**
 * Steering the stand-in from tests and `npm run interact`: messages typed by people, and the Gateway
 * (its state, drops, op 7, op 9, heartbeat ACKs, heartbeat interval, shard count).
 */
function localControlRoutes(gateway: LocalGateway, store: MessageStore): Hono {
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
    const message = store.post({
      channel_id: input.channel_id,
      author: {
        id: input.author_id,
        username: typeof input.username === "string" ? input.username : `user-${input.author_id.slice(-4)}`,
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

export interface LocalDiscord {
  url: string;
  apiBase: string;
  gateway: LocalGateway;
  close(): Promise<void>;
}

export function serveLocalDiscord(port: number, hostname = "127.0.0.1"): Promise<LocalDiscord> {
  const gateway = createLocalGateway(LOCAL_BOT_USER, LOCAL_APPLICATION_ID);
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: createLocalDiscordApp(gateway).fetch, port, hostname }, (info) => {
      const url = `http://${hostname}:${info.port}`;
      gateway.attach(server as Server, `ws://${hostname}:${info.port}${GATEWAY_PATH}`);
      resolve({
        url,
        apiBase: `${url}/api/v10`,
        gateway,
        close: () =>
          new Promise((done) => {
            gateway.close();
            server.close(() => done());
          }),
      });
    });
    server.once("error", reject);
  });
}
