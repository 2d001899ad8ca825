/** Migrations as the Supabase CLI tracks them, and the idempotent bootstrap of Supabase's roles. */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultPaths, migrate } from "../../../scripts/local-supabase/migrate";
import { sql, supabase, unique } from "./support";

const custom = unique("migrate_custom");
const repo = unique("migrate_repo");
const urlOf = (database: string) => {
  const url = new URL(supabase().databaseUrl);
  url.pathname = `/${database}`;
  return url.href;
};
const dir = mkdtempSync(join(tmpdir(), "migrations-"));
const seedFile = join(mkdtempSync(join(tmpdir(), "seed-")), "seed.sql");
const write = (file: string, text: string) => writeFileSync(join(dir, file), text);
const run = (seed: boolean) =>
  migrate({ connectionString: urlOf(custom), seed, migrationsDir: dir, seedFile });

beforeAll(async () => {
  await sql(`create database ${custom}`);
  await sql(`create database ${repo}`);
});

afterAll(async () => {
  await sql(`drop database ${custom} with (force)`);
  await sql(`drop database ${repo} with (force)`);
  rmSync(dir, { recursive: true, force: true });
  rmSync(dirname(seedFile), { recursive: true, force: true });
});

describe("migrations", () => {
  it("records every repository migration in the test stack's database", async () => {
    const files = readdirSync(defaultPaths.migrationsDir).filter((file) => file.endsWith(".sql"));
    const recorded = await sql<{ version: string; name: string }>(
      "select version, name from supabase_migrations.schema_migrations",
    );
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const [version, ...name] = file.replace(/\.sql$/, "").split("_");
      expect(recorded).toContainEqual({ version, name: name.join("_") });
    }
  });

  it("applies pending migrations in filename order, once, and seeds only when asked", async () => {
    // Written out of order: the filename decides.
    write("20260102000000_second.sql", "insert into public.things values (2);");
    write("20260101000000_first.sql", "create table public.things (id int primary key);");
    writeFileSync(seedFile, "insert into public.things values (100);");

    expect(await run(true)).toEqual({
      applied: ["20260101000000_first.sql", "20260102000000_second.sql"],
      changed: [],
      seeded: true,
    });
    expect(await run(false)).toEqual({ applied: [], changed: [], seeded: false });

    write("20260103000000_third.sql", "insert into public.things values (3);");
    expect((await run(false)).applied).toEqual(["20260103000000_third.sql"]);

    const things = await sql<{ id: number }>("select id from public.things order by id", [], custom);
    expect(things.map((row) => row.id)).toEqual([2, 3, 100]);
    const versions = await sql<{ version: string; name: string }>(
      "select version, name from supabase_migrations.schema_migrations order by version",
      [],
      custom,
    );
    expect(versions).toEqual([
      { version: "20260101000000", name: "first" },
      { version: "20260102000000", name: "second" },
      { version: "20260103000000", name: "third" },
    ]);
  });

  it("reports an applied migration whose file changed, without running it again", async () => {
    write("20260103000000_third.sql", "insert into public.things values (33);");
    expect(await run(false)).toEqual({ applied: [], changed: ["20260103000000_third.sql"], seeded: false });
    write("20260103000000_third.sql", "insert into public.things values (3);");
  });

  it("fails naming the file and line, leaving nothing of the failed migration", async () => {
    write(
      "20260104000000_broken.sql",
      "create table public.half_done (id int);\nselect * from no_such_table;\n",
    );
    try {
      await expect(run(false)).rejects.toThrow(
        /20260104000000_broken\.sql:2: relation "no_such_table" does not exist/,
      );
      const leftovers = await sql(
        `select to_regclass('public.half_done') as half,
                (select count(*)::int from supabase_migrations.schema_migrations where version = '20260104000000') as n`,
        [],
        custom,
      );
      expect(leftovers).toEqual([{ half: null, n: 0 }]);
    } finally {
      rmSync(join(dir, "20260104000000_broken.sql"));
    }
  });

  it("rejects a file name the Supabase CLI would not accept", async () => {
    write("add_things.sql", "select 1;");
    try {
      await expect(run(false)).rejects.toThrow(
        /add_things\.sql: the name must look like <timestamp>_<name>\.sql/,
      );
    } finally {
      rmSync(join(dir, "add_things.sql"));
    }
  });
});

describe("bootstrap", () => {
  it("can run on every start without undoing what migrations revoked", async () => {
    const connectionString = urlOf(repo);
    const first = await migrate({ connectionString, seed: false });
    expect(first.applied.length).toBeGreaterThan(0);
    expect(await migrate({ connectionString, seed: false })).toEqual({
      applied: [],
      changed: [],
      seeded: false,
    });

    const [privileges] = await sql(
      `select has_function_privilege('anon', 'public.session_info()', 'execute') as anon,
              has_function_privilege('authenticated', 'public.session_info()', 'execute') as authenticated`,
      [],
      repo,
    );
    expect(privileges).toEqual({ anon: false, authenticated: true });
  });

  it("creates Supabase's API roles", async () => {
    const roles = await sql(
      `select rolname, rolcanlogin as login, rolinherit as inherit, rolbypassrls as bypassrls
         from pg_roles where rolname in ('anon', 'authenticated', 'service_role', 'authenticator') order by rolname`,
    );
    expect(roles).toEqual([
      { rolname: "anon", login: false, inherit: false, bypassrls: false },
      { rolname: "authenticated", login: false, inherit: false, bypassrls: false },
      { rolname: "authenticator", login: true, inherit: false, bypassrls: false },
      { rolname: "service_role", login: false, inherit: false, bypassrls: true },
    ]);
    const grants = await sql<{ role: string }>(
      `select r.rolname as role from pg_auth_members m
         join pg_roles r on r.oid = m.roleid join pg_roles u on u.oid = m.member
        where u.rolname = 'authenticator' order by 1`,
    );
    expect(grants.map((row) => row.role)).toEqual(["anon", "authenticated", "service_role"]);
  });

  it("grants the API roles nothing by default, as Supabase today: a migration must grant", async () => {
    const table = unique("ungranted");
    await sql(`create table public.${table} (id int generated always as identity)`, [], repo);
    const [privileges] = await sql(
      `select has_table_privilege('anon', 'public.${table}', 'select') as anon,
              has_table_privilege('authenticated', 'public.${table}', 'select, insert') as authenticated,
              has_table_privilege('service_role', 'public.${table}', 'select, insert, update, delete')
                as service_role,
              has_sequence_privilege('authenticated', pg_get_serial_sequence('public.${table}', 'id'), 'usage')
                as sequence`,
      [],
      repo,
    );
    expect(privileges).toEqual({ anon: false, authenticated: false, service_role: false, sequence: false });
  });

  it("removes the default privileges an older version of the bootstrap left in a local database", async () => {
    const connectionString = urlOf(repo);
    await sql(
      `alter default privileges for role postgres in schema public
         grant all on tables to anon, authenticated, service_role`,
      [],
      repo,
    );
    await migrate({ connectionString, seed: false });
    const table = unique("after_upgrade");
    await sql(`create table public.${table} (id int)`, [], repo);
    const [privileges] = await sql(
      `select has_table_privilege('authenticated', 'public.${table}', 'select') as authenticated`,
      [],
      repo,
    );
    expect(privileges).toEqual({ authenticated: false });
  });

  it("provides auth.jwt(), auth.role() and auth.uid() reading the request's claims", async () => {
    const db = new pg.Client({ connectionString: urlOf(repo) });
    await db.connect();
    try {
      await db.query(`select set_config('request.jwt.claims', $1, false)`, [
        JSON.stringify({
          sub: "123e4567-e89b-12d3-a456-426614174000",
          role: "authenticated",
          app_role: "admin",
        }),
      ]);
      const { rows } = await db.query(
        `select auth.jwt() ->> 'app_role' as app_role, auth.role() as role, auth.uid()::text as uid`,
      );
      expect(rows).toEqual([
        { app_role: "admin", role: "authenticated", uid: "123e4567-e89b-12d3-a456-426614174000" },
      ]);

      // A Discord id is not a UUID: auth.uid() cannot be used with our JWTs.
      await db.query(`select set_config('request.jwt.claims', '{"sub":"111111111111111111"}', false)`);
      await expect(db.query("select auth.uid()")).rejects.toThrow(/invalid input syntax for type uuid/);

      // The legacy single-setting form still wins, as on Supabase.
      await db.query(`select set_config('request.jwt.claim', '{"app_role":"legacy"}', false)`);
      const legacy = await db.query(`select auth.jwt() ->> 'app_role' as app_role`);
      expect(legacy.rows).toEqual([{ app_role: "legacy" }]);
    } finally {
      await db.end();
    }
  });
});
