/**
 * A database of its own at the schema before a given migration, for upgrade tests: write data the old
 * way, run the rest of the migrations, check it survived. Statements run as PostgREST runs them.
 */
import { copyFileSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { defaultPaths, migrate } from "../../../scripts/local-supabase/migrate";
import { sql, supabase, unique } from "../local-supabase/support";

export function oldSchemaDatabase(name: string, firstNew: string) {
  const database = unique(name);
  const u = new URL(supabase().databaseUrl);
  u.pathname = `/${database}`;
  const url = u.href;
  const oldDir = mkdtempSync(join(tmpdir(), "old-migrations-"));
  const db = new pg.Pool({ connectionString: url, max: 2 });

  return {
    db,
    /** Creates the database and applies the migrations before `firstNew`. */
    async create() {
      await sql(`create database ${database}`);
      for (const file of readdirSync(defaultPaths.migrationsDir)) {
        if (file.endsWith(".sql") && file < firstNew)
          copyFileSync(join(defaultPaths.migrationsDir, file), join(oldDir, file));
      }
      await migrate({ connectionString: url, seed: false, migrationsDir: oldDir });
    },
    /** Applies every migration not applied yet. */
    upgrade: () => migrate({ connectionString: url, seed: false }),
    async drop() {
      await db.end();
      await sql(`drop database ${database} with (force)`);
      rmSync(oldDir, { recursive: true, force: true });
    },
    /** One statement as a signed-in Discord user (or the service role), in its own transaction. */
    async as(claims: Record<string, unknown>, text: string, params: unknown[] = []) {
      const client = await db.connect();
      try {
        await client.query("begin");
        await client.query(
          `set local role ${claims["role"] === "service_role" ? "service_role" : "authenticated"}`,
        );
        await client.query("select set_config('request.jwt.claims', $1, true)", [
          JSON.stringify({ role: "authenticated", ...claims }),
        ]);
        const result = await client.query(text, params);
        await client.query("commit");
        return result.rows;
      } catch (error) {
        await client.query("rollback");
        throw error;
      } finally {
        client.release();
      }
    },
  };
}
