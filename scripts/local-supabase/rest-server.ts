/**
 * The local stand-in for a Supabase project's REST endpoint: its gateway's `apikey` check, then
 * PostgREST's behaviour for exactly what the Workers use, `POST /rest/v1/rpc/<function>`, and the
 * project's public JWKS (`/auth/v1/.well-known/jwks.json`). Everything else (tables, GET, other
 * paths) answers 404: the Workers must only call `.rpc()`.
 */
import type { Server } from "node:http";
import { serve } from "@hono/node-server";
import { type Context, Hono } from "hono";
import type pg from "pg";
import { type CallResult, callRoutine, StaleRoutineError } from "./rest/call";
import { ApiError, fromDatabaseError, pgrstError } from "./rest/errors";
import {
  authenticate,
  describeSignature,
  identityFromClaims,
  type TrustedKeys,
  VerifiedTokens,
} from "./rest/jwt";
import { RoleSettingsCache } from "./rest/role-settings";
import { chooseRoutine, noRoutineError, RoutineCache, takesWholeBody } from "./rest/routines";

export interface RestAppOptions {
  /** Connections as the `authenticator` role, which can only SET ROLE to the API roles. */
  pool: pg.Pool;
  /** The keys tokens are verified with: the JWKS (ES256, by kid) and the legacy secret when trusted. */
  keys: TrustedKeys;
  /**
   * The project's API keys, each with the role a request gets when it sends no token of its own:
   * the publishable key (anon), the secret key (service_role), and the legacy anon and service_role
   * JWTs while the legacy secret is trusted. Like Supabase's gateway, only these open the door.
   */
  apiKeys: ReadonlyMap<string, string>;
  /** Told about each authenticated call (the dev stack prints it). */
  log?: (line: string) => void;
  /** PostgREST's db-anon-role. */
  anonRole?: string;
  /** The exposed schema (PostgREST's db-schemas). */
  schema?: string;
}

function render(c: Context, error: ApiError): Response {
  const code = "code" in error.body ? error.body.code : undefined;
  return c.newResponse(JSON.stringify(error.body), error.status as 400, {
    "Content-Type": "application/json; charset=utf-8",
    ...(code ? { "Proxy-Status": `PostgREST; error=${code}` } : {}),
    ...error.headers,
  });
}

function bearerToken(authorization: string | undefined): string | null {
  const match = /^bearer(?:\s+(.*))?$/i.exec(authorization?.trim() ?? "");
  return match ? (match[1] ?? "").trim() : null;
}

function parseCookies(header: string | undefined): Record<string, string> {
  const cookies: Record<string, string> = {};
  for (const part of header?.split(";") ?? []) {
    const at = part.indexOf("=");
    if (at > 0) cookies[part.slice(0, at).trim()] = part.slice(at + 1).trim();
  }
  return cookies;
}

/** PostgREST's content negotiation, reduced to the JSON media types an RPC can answer with. */
function negotiate(accept: string | undefined): { singular: boolean; stripNulls: boolean } {
  const offered = (accept ?? "")
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean);
  if (!offered.length) return { singular: false, stripNulls: false };
  for (const item of offered) {
    const [type = "", ...params] = item.split(";").map((part) => part.trim().toLowerCase());
    const stripNulls = params.includes("nulls=stripped");
    if (type === "application/vnd.pgrst.object+json" || type === "application/vnd.pgrst.object") {
      return { singular: true, stripNulls };
    }
    if (["application/json", "application/vnd.pgrst.array+json", "application/*", "*/*"].includes(type)) {
      return { singular: false, stripNulls };
    }
  }
  throw pgrstError(406, "PGRST107", `None of these media types are available: ${offered.join(", ")}`);
}

/** One authenticated call, as the stand-in saw it: tests count the round trips a Worker makes. */
export interface RecordedCall {
  seq: number;
  /** The function called (`/rest/v1/rpc/<fn>`). */
  fn: string;
  role: string;
  /** The JWT's `sub`: the Discord user the call was made for, or the control identity. */
  sub: string | null;
}

/** Enough for any one test's calls; older ones are dropped. */
const MAX_RECORDED_CALLS = 2_000;

export function createRestApp(options: RestAppOptions): Hono {
  const { pool, keys, apiKeys } = options;
  const anonRole = options.anonRole ?? "anon";
  const schema = options.schema ?? "public";
  const app = new Hono();
  const routines = new RoutineCache();
  const roleSettings = new RoleSettingsCache();
  const verified = new VerifiedTokens();
  const calls: RecordedCall[] = [];
  let seq = 0;

  // Not part of Supabase: what was called for whom, so a test can assert "exactly one round trip".
  app.get("/__local/calls", (c) => {
    const sub = c.req.query("sub");
    return c.json(sub === undefined ? calls : calls.filter((call) => call.sub === sub));
  });

  // Supabase's API gateway: no valid API key, no access to anything under /rest/v1.
  app.use("/rest/v1/*", async (c, next) => {
    const key = c.req.header("apikey") ?? c.req.query("apikey");
    if (!key) {
      throw new ApiError(401, {
        message: "No API key found in request",
        hint: "No `apikey` request header or url param was found.",
      });
    }
    if (!apiKeys.has(key)) {
      throw new ApiError(401, {
        message: "Invalid API key",
        hint: "Double check your Supabase publishable or secret API key.",
      });
    }
    await next();
  });

  // Supabase Auth's key discovery endpoint: the public half of every trusted asymmetric key.
  app.get("/auth/v1/.well-known/jwks.json", (c) =>
    c.json({ keys: keys.jwks }, 200, { "Cache-Control": "no-store" }),
  );

  app.post("/rest/v1/rpc/:fn", async (c) => {
    const name = c.req.param("fn");
    const apiKey = c.req.header("apikey") ?? c.req.query("apikey") ?? "";
    // Without a token of its own (no Authorization, or the API key itself, as supabase-js sends by
    // default), the request gets the API key's role; a legacy key is a JWT and is verified as one.
    const bearer = bearerToken(c.req.header("Authorization")) ?? apiKey;
    const keyRole = bearer === apiKey && !apiKey.startsWith("eyJ") ? apiKeys.get(apiKey) : undefined;
    const identity = keyRole
      ? identityFromClaims({ role: keyRole }, anonRole)
      : await authenticate(bearer, keys, anonRole, undefined, verified);
    options.log?.(
      `POST /rpc/${name} as ${identity.role} (${keyRole ? "API key" : describeSignature(bearer)})`,
    );
    const authed = identity.role !== anonRole;
    const sub = identity.claims["sub"];
    calls.push({ seq: ++seq, fn: name, role: identity.role, sub: typeof sub === "string" ? sub : null });
    if (calls.length > MAX_RECORDED_CALLS) calls.splice(0, calls.length - MAX_RECORDED_CALLS);

    const profile = c.req.header("Content-Profile");
    if (profile !== undefined && profile !== schema) {
      throw pgrstError(406, "PGRST106", `Invalid schema: ${profile}`, {
        hint: `Only the following schemas are exposed: ${schema}`,
      });
    }
    const media = negotiate(c.req.header("Accept"));
    const rawBody = (await c.req.text()).trim() || "{}";
    let body: unknown;
    try {
      body = JSON.parse(rawBody);
    } catch {
      throw pgrstError(400, "PGRST102", "Empty or invalid json");
    }

    let client: pg.PoolClient;
    try {
      client = await pool.connect();
    } catch (error) {
      throw fromDatabaseError(error, authed);
    }
    let broken = false;
    const call = async (): Promise<CallResult> => {
      const cached = routines.cached(schema, name);
      const overloads = cached ?? (await routines.read(client, schema, name));
      let routine = chooseRoutine(overloads, body);
      // Not in the cache: perhaps created since it was read, as PostgREST after a schema reload.
      const current = routine || !cached ? overloads : await routines.read(client, schema, name);
      routine ??= chooseRoutine(current, body);
      if (!routine) throw await noRoutineError(client, schema, name, body, current);
      const argNames =
        takesWholeBody(routine) || typeof body !== "object" || body === null ? [] : Object.keys(body);
      return callRoutine(client, {
        routine,
        rawBody,
        argNames,
        identity,
        roleSettings: await roleSettings.of(client, identity.role),
        authed,
        method: c.req.method,
        path: `/rpc/${name}`,
        headers: c.req.header(),
        cookies: parseCookies(c.req.header("Cookie")),
        searchPath: `${JSON.stringify(schema)}, "extensions"`,
        singular: media.singular,
        stripNulls: media.stripNulls,
        countTotal: /\bcount=(exact|planned|estimated)\b/.test(c.req.header("Prefer") ?? ""),
      });
    };
    try {
      let result: CallResult;
      try {
        result = await call();
      } catch (error) {
        if (!(error instanceof StaleRoutineError)) throw error;
        // The function changed between reading it and calling it; nothing ran. Once more, read afresh.
        routines.forget(schema, name);
        result = await call();
      }
      return c.newResponse(result.body, result.status as 200, result.headers);
    } catch (error) {
      broken = !(error instanceof ApiError);
      throw error instanceof ApiError ? error : fromDatabaseError(error, authed);
    } finally {
      client.release(broken);
    }
  });

  app.notFound((c) =>
    render(
      c,
      pgrstError(404, "PGRST125", "Invalid path specified in request URL", {
        details: `${c.req.method} ${c.req.path}`,
        hint: "The local Supabase stand-in serves only POST /rest/v1/rpc/<function>: the Workers use .rpc(), never .from().",
      }),
    ),
  );
  app.onError((error, c) =>
    render(c, error instanceof ApiError ? error : pgrstError(500, "PGRSTX00", error.message)),
  );
  return app;
}

export interface ServeRestOptions extends RestAppOptions {
  /** 0 picks a free port. */
  port: number;
  hostname?: string;
}

export interface RestServer {
  /** Base URL for supabase-js `createClient(url, key)` (it appends /rest/v1). */
  url: string;
  close(): Promise<void>;
}

export function serveRest(options: ServeRestOptions): Promise<RestServer> {
  const hostname = options.hostname ?? "127.0.0.1";
  const app = createRestApp(options);
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port: options.port, hostname }, (info) => {
      server.off("error", reject);
      let closed: Promise<void> | undefined;
      resolve({
        url: `http://${hostname}:${info.port}`,
        close: () => {
          closed ??= new Promise((done) => {
            server.close(() => done());
            // Keep-alive connections would otherwise hold close() open.
            (server as Server).closeAllConnections?.();
          });
          return closed;
        },
      });
    });
    server.once("error", reject);
  });
}
