/**
 * The local Supabase stand-in as one unit: embedded PostgreSQL prepared like a hosted project
 * (bootstrap, migrations, seed on first creation) and the REST endpoint in front of it, with the
 * anon and service-role keys minted from the JWT secret as Supabase mints them.
 */
import { existsSync, readFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import { resolve } from "node:path";
import { sign } from "hono/jwt";
import pg from "pg";
import { LOCAL_GUILD_ID } from "../lib/local-identities";
import { type MigrateResult, migrate } from "./migrate";
import { SUPERUSER_PASSWORD, startPostgres } from "./postgres";
import { serveRest } from "./rest-server";

export interface LocalSupabaseOptions {
  dataDir: string;
  pgPort: number;
  /** 0 picks a free port. */
  restPort: number;
  jwtSecret: string;
  /** false: a throwaway database, deleted on stop. */
  persistent: boolean;
}

export interface LocalSupabase {
  /** SUPABASE_URL: give it to supabase-js `createClient` (it appends /rest/v1). */
  restUrl: string;
  /** Superuser connection string, for tooling and tests (never what the Workers use). */
  databaseUrl: string;
  anonKey: string;
  serviceRoleKey: string;
  /** What this start applied. */
  migrations: MigrateResult;
  stop(): Promise<void>;
}

/** Supabase's API keys: long-lived HS256 JWTs naming the role. Deterministic for a given secret. */
export function mintApiKey(role: "anon" | "service_role", jwtSecret: string): Promise<string> {
  return sign({ role, iss: "supabase", iat: 0, exp: 4_102_444_800 }, jwtSecret, "HS256");
}

export async function startLocalSupabase(options: LocalSupabaseOptions): Promise<LocalSupabase> {
  if (!options.jwtSecret) throw new Error("startLocalSupabase: a JWT secret is required");
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
    const pool = new pg.Pool({ connectionString: authenticatorUrl.href, max: 10 });
    // An idle connection dropped by the server must not crash the process.
    pool.on("error", () => undefined);
    stops.push(() => pool.end());

    const [anonKey, serviceRoleKey] = await Promise.all([
      mintApiKey("anon", options.jwtSecret),
      mintApiKey("service_role", options.jwtSecret),
    ]);
    // Like Supabase's gateway, only the project's two API keys open the door.
    const server = await serveRest({
      pool,
      jwtSecret: options.jwtSecret,
      apiKeys: [anonKey, serviceRoleKey],
      port: options.restPort,
    });
    stops.push(() => server.close());

    return {
      restUrl: server.url,
      databaseUrl: postgres.connectionString,
      anonKey,
      serviceRoleKey,
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
