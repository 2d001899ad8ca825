/**
 * A local stand-in for Discord's REST API, at its HTTP boundary: the Workers talk to it exactly as
 * they would talk to discord.com (DISCORD_API_BASE), and it records every request so that
 * `npm run interact` can print follow-ups and tests can assert the exact calls made.
 * It can also be told to answer the next matching requests with a scripted failure (e.g. a 429),
 * scoped to one test by what only that test's requests carry (a recipient, a marker in the text, the
 * interaction token in the path), so tests running side by side never meet each other's failures,
 * and to hold a matching request until the test releases it (holds.ts).
 */

import type { Server } from "node:http";
import { serve } from "@hono/node-server";
import { Hono } from "hono";
import { LOCAL_APPLICATION_ID } from "../lib/local-identities";
import { LOCAL_CHANNELS, type LocalChannel } from "./channels";
import { localControlRoutes } from "./control-routes";
import { createLocalGateway, GATEWAY_PATH, type LocalGateway } from "./gateway";
import { guildDirectoryRoute } from "./guild-directory-routes";
import { createHolds } from "./holds";
import { LOCAL_BOT_USER, nextSnowflake } from "./ids";
import { createMemberList } from "./member-list-routes";
import { memberRoleRoute } from "./member-roles";
import { createMembersIntent } from "./members-intent";
import { createMessageStore } from "./messages";
import { createLocalOAuth } from "./oauth";
import { createLocalPermissions, type PermissionChange } from "./permissions";
import { type RecordedRequest, readPayload, type ScriptedFailure } from "./recorded-requests";
import { respondLikeDiscord } from "./rest-answers";
import { createRoleDirectory } from "./roles";
import { threadRoutes } from "./thread-routes";

export type { RecordedRequest, ScriptedFailure } from "./recorded-requests";

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
  const membersIntent = createMembersIntent();
  app.post("/__local/members-intent", async (c) =>
    membersIntent.change((await c.req.json()) as Record<string, unknown>)
      ? c.body(null, 204)
      : c.json({ message: '{"enabled": true|false} and optionally "guild_id"' }, 400),
  );
  app.post("/__local/failures", async (c) => {
    failures.push((await c.req.json()) as ScriptedFailure);
    return c.body(null, 204);
  });

  const holds = createHolds(app);

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
    await holds.pass(method, path, JSON.stringify(payload.body ?? null));

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
      const listAnswer =
        membersIntent.route(c, method, path) ?? memberList.route(c, method, path, authorization);
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
