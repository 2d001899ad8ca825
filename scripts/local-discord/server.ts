/**
 * A local stand-in for Discord's REST API, at its HTTP boundary: the Workers talk to it exactly as
 * they would talk to discord.com (DISCORD_API_BASE), and it records every request so that
 * `npm run interact` can print follow-ups and tests can assert the exact calls made.
 * It can also be told to answer the next matching requests with a scripted failure (e.g. a 429),
 * scoped to one test by what only that test's requests carry (a recipient, a marker in the text, the
 * interaction token in the path), so tests running side by side never meet each other's failures.
 */
import { serve } from "@hono/node-server";
import { type Context, Hono } from "hono";
import { LOCAL_CHANNEL_ID, LOCAL_GUILD_ID, LOCAL_STAFF_CHANNEL_ID } from "../lib/local-identities";
import { createLocalOAuth } from "./oauth";

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

let snowflakeCounter = 0n;
/** Unique, increasing, Discord-shaped ids. */
function nextSnowflake(): string {
  snowflakeCounter += 1n;
  return ((BigInt(Date.now() - 1420070400000) << 22n) | (snowflakeCounter & 0x3fffffn)).toString();
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

export function createLocalDiscordApp(): Hono {
  const requests: RecordedRequest[] = [];
  let failures: ScriptedFailure[] = [];
  let seq = 0;
  const oauth = createLocalOAuth();
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
      const oauthAnswer =
        path === "/oauth2/token" && method === "POST"
          ? oauth.exchange(form ?? {}, authorization)
          : oauth.userRoute(method, path, authorization);
      if (oauthAnswer)
        return c.json(oauthAnswer.body as object, oauthAnswer.status as 200, oauthAnswer.headers ?? {});
      return respondLikeDiscord(c, method, path, payload.body, channels);
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

/** Plausible success answers for the routes our Workers and scripts use. */
function respondLikeDiscord(
  c: Context,
  method: string,
  path: string,
  body: unknown,
  channels: readonly LocalChannel[],
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
    return c.json({ id, name: id === LOCAL_GUILD_ID ? "Local server" : `Local server ${id.slice(-4)}` });
  }
  match = path.match(/^\/guilds\/(\d+)\/channels$/);
  if (match && method === "GET") return c.json(channels.filter((ch) => ch.guild_id === match?.[1]));
  match = path.match(/^\/channels\/(\d+)$/);
  if (match && method === "GET") {
    const channel = channels.find((ch) => ch.id === match?.[1]);
    return channel ? c.json(channel) : c.json({ message: "Unknown Channel", code: 10003 }, 404);
  }
  if (path === "/users/@me/channels" && method === "POST") {
    return c.json({ id: nextSnowflake(), type: 1, recipients: [{ id: json["recipient_id"] }] });
  }
  if (/^\/applications\/\d+(?:\/guilds\/\d+)?\/commands$/.test(path) && method === "PUT") {
    const commands = Array.isArray(body) ? body : [];
    return c.json(commands.map((command: object) => ({ id: nextSnowflake(), version: "1", ...command })));
  }
  return c.json({ message: "404: Not Found", code: 0 }, 404);
}

export interface LocalDiscord {
  url: string;
  apiBase: string;
  close(): Promise<void>;
}

export function serveLocalDiscord(port: number, hostname = "127.0.0.1"): Promise<LocalDiscord> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: createLocalDiscordApp().fetch, port, hostname }, (info) => {
      const url = `http://${hostname}:${info.port}`;
      resolve({
        url,
        apiBase: `${url}/api/v10`,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
    server.once("error", reject);
  });
}
