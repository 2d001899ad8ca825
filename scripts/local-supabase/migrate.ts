/**
 * Brings a database to the state `supabase db push` (plus the seed) would give a hosted project:
 * bootstrap.sql (what Supabase provides), then each migration not yet applied, in filename order,
 * each in its own transaction and recorded where the Supabase CLI records them.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";

const MIGRATION_FILE = /^(\d+)_(.+)\.sql$/;
/** Serialises concurrent migrators on the same cluster (any constant works, it only has to be shared). */
const MIGRATION_LOCK = 7_263_514;

export const defaultPaths = {
  bootstrapFile: fileURLToPath(new URL("./bootstrap.sql", import.meta.url)),
  migrationsDir: fileURLToPath(new URL("../../supabase/migrations", import.meta.url)),
  seedFile: fileURLToPath(new URL("../../supabase/seed.sql", import.meta.url)),
};

export interface MigrateOptions {
  /** A superuser connection, as `supabase db push` uses the project's owner role. */
  connectionString: string;
  /** Run the seed file after the migrations: only for a freshly created database. */
  seed: boolean;
  bootstrapFile?: string;
  migrationsDir?: string;
  seedFile?: string;
  /**
   * Custom settings for the migrations' session, as `alter database … set` gives them on a hosted
   * project (e.g. `maxis.default_guild_id`, the server existing plans move to).
   */
  settings?: Record<string, string>;
}

export interface MigrateResult {
  /** File names applied by this run, in order. */
  applied: string[];
  /** Applied earlier whose file has changed since: they are not re-run (reset the database instead). */
  changed: string[];
  seeded: boolean;
}

interface MigrationFile {
  file: string;
  version: string;
  name: string;
  sql: string;
}

function readMigrations(dir: string): MigrationFile[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((file) => file.endsWith(".sql"))
    .sort()
    .map((file) => {
      const match = MIGRATION_FILE.exec(file);
      if (!match?.[1] || !match[2]) {
        throw new Error(`Migration ${join(dir, file)}: the name must look like <timestamp>_<name>.sql`);
      }
      return { file, version: match[1], name: match[2], sql: readFileSync(join(dir, file), "utf8") };
    });
}

/** Names the file (and line, when PostgreSQL reports a position) in any error. */
function failure(path: string, sql: string, error: unknown): Error {
  const where = relative(process.cwd(), path) || path;
  if (!(error instanceof pg.DatabaseError)) {
    return new Error(`${where}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  const position = Number(error.position);
  const line = position > 0 ? `:${sql.slice(0, position - 1).split("\n").length}` : "";
  const extra = [error.detail, error.hint && `Hint: ${error.hint}`, error.where].filter(Boolean).join("\n");
  return new Error(`${where}${line}: ${error.message} (SQLSTATE ${error.code})${extra ? `\n${extra}` : ""}`, {
    cause: error,
  });
}

async function inTransaction(client: pg.Client, path: string, sql: string, after?: () => Promise<unknown>) {
  await client.query("begin");
  try {
    await client.query(sql);
    await after?.();
    await client.query("commit");
  } catch (error) {
    await client.query("rollback").catch(() => undefined);
    throw failure(path, sql, error);
  }
}

export async function migrate(options: MigrateOptions): Promise<MigrateResult> {
  const paths = { ...defaultPaths, ...options };
  const migrations = readMigrations(paths.migrationsDir);
  const client = new pg.Client({ connectionString: options.connectionString });
  // Keep PostgreSQL's NOTICEs ("already exists, skipping") out of the console.
  client.on("notice", () => undefined);
  await client.connect();
  try {
    await client.query("select pg_advisory_lock($1)", [MIGRATION_LOCK]);
    for (const [name, value] of Object.entries(options.settings ?? {})) {
      await client.query("select set_config($1, $2, false)", [name, value]);
    }

    const bootstrap = readFileSync(paths.bootstrapFile, "utf8");
    await inTransaction(client, paths.bootstrapFile, bootstrap);

    await client.query(`
      create schema if not exists supabase_migrations;
      create table if not exists supabase_migrations.schema_migrations (
        version text not null primary key,
        statements text[],
        name text
      );`);
    const done = await client.query<{ version: string; statements: string[] | null }>(
      "select version, statements from supabase_migrations.schema_migrations",
    );
    const known = new Map(done.rows.map((row) => [row.version, row.statements]));

    const result: MigrateResult = { applied: [], changed: [], seeded: false };
    for (const migration of migrations) {
      const statements = known.get(migration.version);
      if (statements !== undefined) {
        if (statements?.length === 1 && statements[0] !== migration.sql) result.changed.push(migration.file);
        continue;
      }
      await inTransaction(client, join(paths.migrationsDir, migration.file), migration.sql, () =>
        client.query(
          "insert into supabase_migrations.schema_migrations (version, statements, name) values ($1, $2, $3)",
          [migration.version, [migration.sql], migration.name],
        ),
      );
      result.applied.push(migration.file);
    }

    if (options.seed && existsSync(paths.seedFile)) {
      const seed = readFileSync(paths.seedFile, "utf8");
      await inTransaction(client, paths.seedFile, seed);
      result.seeded = true;
    }
    return result;
  } finally {
    await client.end().catch(() => undefined);
  }
}
