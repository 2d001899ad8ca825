/**
 * The local Supabase stand-in as one unit: embedded PostgreSQL prepared like a hosted project
 * (bootstrap, migrations, seed on first creation) and the REST endpoint in front of it, trusting the
 * keys a project on today's Supabase trusts: its ES256 signing keys (a JWKS), its publishable and
 * secret API keys, and the legacy JWT secret (with the legacy anon and service_role keys) only when
 * it is given.
 */
import { existsSync, readFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import { resolve } from "node:path";
import { sign } from "hono/jwt";
import pg from "pg";
import { LOCAL_GUILD_ID } from "../lib/local-identities";
import { newSecretKey, publicJwks } from "../lib/supabase-keys";
import { type MigrateResult, migrate } from "./migrate";
import { SUPERUSER_PASSWORD, startPostgres } from "./postgres";
import type { PublicJwk } from "./rest/jwt";
import { serveRest } from "./rest-server";

export interface LocalSupabaseOptions {
  dataDir: string;
  pgPort: number;
  /** 0 picks a free port. */
  restPort: number;
  /**
   * ES256 private keys (JWK JSON) whose public halves the project trusts: the key Maxis signs with,
   * and during a rotation the previous one too.
   */
  signingKeys: readonly string[];
  /** The legacy HS256 JWT secret, only for a project that still trusts it. */
  legacyJwtSecret?: string | undefined;
  /** The project's publishable key (the Workers' SUPABASE_PUBLISHABLE_KEY). */
  publishableKey: string;
  /** false: a throwaway database, deleted on stop. */
  persistent: boolean;
  /** Told about each authenticated REST call. */
  log?: (line: string) => void;
}

export interface LocalSupabase {
  /** SUPABASE_URL: give it to supabase-js `createClient` (it appends /rest/v1). */
  restUrl: string;
  /** Superuser connection string, for tooling and tests (never what the Workers use). */
  databaseUrl: string;
  publishableKey: string;
  /** The secret API key (sb_secret_…): service_role, for tooling and tests only. */
  secretKey: string;
  /** The public keys served at /auth/v1/.well-known/jwks.json. */
  jwks: PublicJwk[];
  /** Only with a legacy JWT secret: the legacy anon and service_role API keys (JWTs). */
  legacyAnonKey: string | null;
  legacyServiceRoleKey: string | null;
  /** What this start applied. */
  migrations: MigrateResult;
  stop(): Promise<void>;
}

/** Supabase's legacy API keys: long-lived HS256 JWTs naming the role. Deterministic for a given secret. */
export function mintApiKey(role: "anon" | "service_role", jwtSecret: string): Promise<string> {
  return sign({ role, iss: "supabase", iat: 0, exp: 4_102_444_800 }, jwtSecret, "HS256");
}

export async function startLocalSupabase(options: LocalSupabaseOptions): Promise<LocalSupabase> {
  if (!options.signingKeys.length && !options.legacyJwtSecret) {
    throw new Error("startLocalSupabase: a signing key (or a legacy JWT secret) is required");
  }
  const jwks = publicJwks(options.signingKeys);
  const postgres = await startPostgres({
    dataDir: options.dataDir,
    port: options.pgPort,
    persistent: options.persistent,
  });
  const stops: (() => Promise<void>)[] = [() => postgres.stop()];
  let stopped: Promise<void> | undefined;
  const stopAll = () => {
    stopped ??= (async () => {
      for (const stop of stops.reverse()) await stop().catch(() => undefined);
    })();
    return stopped;
  };

  try {
    const migrations = await migrate({
      connectionString: postgres.connectionString,
      seed: postgres.created,
      // A local database from before per-server shops: its plans move to the local server.
      settings: { "maxis.default_guild_id": LOCAL_GUILD_ID },
    });

    // The API logs in as `authenticator`, which only has the rights of the role each JWT names.
    const admin = new pg.Client({ connectionString: postgres.connectionString });
    await admin.connect();
    try {
      await admin.query(`alter role authenticator with password ${admin.escapeLiteral(SUPERUSER_PASSWORD)}`);
    } finally {
      await admin.end();
    }
    const authenticatorUrl = new URL(postgres.connectionString);
    authenticatorUrl.username = "authenticator";
    // PostgREST's defaults: 10 connections (db-pool), an idle one closed after 30 s (db-pool-max-idletime).
    const pool = new pg.Pool({ connectionString: authenticatorUrl.href, max: 10, idleTimeoutMillis: 30_000 });
    // An idle connection dropped by the server must not crash the process.
    pool.on("error", () => undefined);
    stops.push(() => pool.end());

    const secretKey = newSecretKey();
    const legacy = options.legacyJwtSecret;
    const [legacyAnonKey, legacyServiceRoleKey] = legacy
      ? await Promise.all([mintApiKey("anon", legacy), mintApiKey("service_role", legacy)])
      : [null, null];
    const apiKeys = new Map([
      [options.publishableKey, "anon"],
      [secretKey, "service_role"],
    ]);
    if (legacyAnonKey && legacyServiceRoleKey) {
      apiKeys.set(legacyAnonKey, "anon").set(legacyServiceRoleKey, "service_role");
    }
    const server = await serveRest({
      pool,
      keys: { jwks, legacySecret: legacy },
      apiKeys,
      port: options.restPort,
      ...(options.log ? { log: options.log } : {}),
    });
    stops.push(() => server.close());

    return {
      restUrl: server.url,
      databaseUrl: postgres.connectionString,
      publishableKey: options.publishableKey,
      secretKey,
      jwks,
      legacyAnonKey,
      legacyServiceRoleKey,
      migrations,
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    // A database that never finished its first setup is discarded, so the next start seeds it again.
    if (postgres.created && options.persistent)
      await rm(resolve(options.dataDir), { recursive: true, force: true });
    throw error;
  }
}

/** Deletes the local database; the next start recreates it from migrations and seed. */
export async function resetLocalDatabase(dataDir: string): Promise<void> {
  const pidFile = resolve(dataDir, "postmaster.pid");
  if (existsSync(pidFile)) {
    const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
    let running = true;
    try {
      process.kill(pid, 0);
    } catch (error) {
      // ESRCH: a stale pid file left by a crashed run.
      running = (error as NodeJS.ErrnoException).code !== "ESRCH";
    }
    if (running) throw new Error(`PostgreSQL is running on ${dataDir} (pid ${pid}); stop npm run dev first.`);
  }
  await rm(resolve(dataDir), { recursive: true, force: true });
}
