/**
 * Upgrading to per-server shops (20261201020000_shop_per_server.sql) on a database that already sells
 * things: the old schema, real rows, then the migration. Plans, promotions and the control audit trail
 * survive, and move to the configured server.
 */
import { copyFileSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultPaths, migrate } from "../../../scripts/local-supabase/migrate";
import { sql, supabase, unique } from "../local-supabase/support";

const PER_SERVER = "20261201020000";
const SERVER = "1300000000000000777";
const urlOf = (database: string) => {
  const url = new URL(supabase().databaseUrl);
  url.pathname = `/${database}`;
  return url.href;
};

const database = unique("shop_upgrade");
const before = mkdtempSync(join(tmpdir(), "migrations-before-"));
const empty = unique("shop_fresh");
const emptyDir = mkdtempSync(join(tmpdir(), "migrations-empty-"));
const noSeed = join(before, "none.sql");

/** The repository's migrations older than per-server shops, as a database deployed before had them. */
function copyOlderMigrations(dir: string) {
  for (const file of readdirSync(defaultPaths.migrationsDir)) {
    if (file.endsWith(".sql") && file < PER_SERVER)
      copyFileSync(join(defaultPaths.migrationsDir, file), join(dir, file));
  }
}

beforeAll(async () => {
  await sql(`create database ${database}`);
  await sql(`create database ${empty}`);
  copyOlderMigrations(before);
  await migrate({ connectionString: urlOf(database), seed: false, migrationsDir: before, seedFile: noSeed });

  // What production holds: plans, promotions (one live, one over), and the control calls that made them.
  await sql(
    `insert into public.plans (id, name, description, description_fr, price_cents, currency, floor_cents, sort_order, active)
     values ('pro', 'Pro', 'Priority support', 'Support prioritaire', 1299, 'EUR', 799, 20, true),
            ('old', 'Old', '', '', 500, 'EUR', 0, 30, false);
     insert into public.promotions (plan_id, percent, starts_at, ends_at, created_by)
     values ('pro', 20, now() - interval '1 hour', now() + interval '47 hours', 'control'),
            ('pro', 50, now() - interval '40 days', now() - interval '39 days', 'control');
     select set_config('request.jwt.claims', '{"role":"service_role","sub":"control:k1"}', false);
     select public.control_audit_begin('k1', repeat('a', 32), 'POST', 'promo', 'pending', 'pending',
                                       '1300000000000000333', 'sam', '{"plan":"pro","percent":20}'::jsonb);`,
    [],
    database,
  );
}, 60_000);

afterAll(async () => {
  await sql(`drop database ${database} with (force)`);
  await sql(`drop database ${empty} with (force)`);
  rmSync(before, { recursive: true, force: true });
  rmSync(emptyDir, { recursive: true, force: true });
});

describe("upgrading to per-server shops", () => {
  it("stops, changing nothing, when plans exist and no server is configured for them", async () => {
    await expect(
      migrate({ connectionString: urlOf(database), seed: false, seedFile: noSeed }),
    ).rejects.toThrow(/plans_need_a_server[\s\S]*maxis\.default_guild_id/);
    const [columns] = await sql<{ n: number }>(
      `select count(*)::int as n from information_schema.columns
        where table_schema = 'public' and table_name = 'plans' and column_name = 'guild_id'`,
      [],
      database,
    );
    expect(columns?.n).toBe(0);
  });

  it("moves plans and promotions to the configured server, keeping ids, prices and the audit trail", async () => {
    const result = await migrate({
      connectionString: urlOf(database),
      seed: false,
      seedFile: noSeed,
      settings: { "maxis.default_guild_id": SERVER },
    });
    expect(result.applied).toContain(`${PER_SERVER}_shop_per_server.sql`);

    const plans = await sql(
      `select id, key, guild_id, name, name_fr, description_fr, price_cents, floor_cents, active, duration
         from public.plans order by id`,
      [],
      database,
    );
    expect(plans).toEqual([
      {
        id: "old",
        key: "old",
        guild_id: SERVER,
        name: "Old",
        name_fr: "",
        description_fr: "",
        price_cents: 500,
        floor_cents: 0,
        active: false,
        duration: "month",
      },
      {
        id: "pro",
        key: "pro",
        guild_id: SERVER,
        name: "Pro",
        name_fr: "",
        description_fr: "Support prioritaire",
        price_cents: 1299,
        floor_cents: 799,
        active: true,
        duration: "month",
      },
    ]);
    const promotions = await sql(
      "select plan_id, guild_id, percent from public.promotions order by percent",
      [],
      database,
    );
    expect(promotions).toEqual([
      { plan_id: "pro", guild_id: SERVER, percent: 20 },
      { plan_id: "pro", guild_id: SERVER, percent: 50 },
    ]);
    const audit = await sql("select action, operator_id, request from public.control_audit", [], database);
    expect(audit).toEqual([
      { action: "promo", operator_id: "1300000000000000333", request: { plan: "pro", percent: 20 } },
    ]);
  });

  it("serves the moved plans to that server's /shop only, with the live promotion", async () => {
    const shopOf = async (guild: string | null) => {
      const db = new pg.Client({ connectionString: urlOf(database) });
      await db.connect();
      try {
        await db.query("begin");
        await db.query("select set_config('request.jwt.claims', $1, true)", [
          JSON.stringify({
            sub: "1300000000000000111",
            role: "authenticated",
            app_role: "member",
            guild_id: guild,
          }),
        ]);
        await db.query("set local role authenticated");
        return (await db.query("select key, promoted_cents from public.list_shop()")).rows;
      } finally {
        await db.query("rollback");
        await db.end();
      }
    };
    expect(await shopOf(SERVER)).toEqual([{ key: "pro", promoted_cents: 1039 }]);
    expect(await shopOf("1300000000000000888")).toEqual([]);
    expect(await shopOf(null)).toEqual([]);
  });

  it("needs no setting on a database without plans", async () => {
    copyOlderMigrations(emptyDir);
    copyFileSync(
      join(defaultPaths.migrationsDir, `${PER_SERVER}_shop_per_server.sql`),
      join(emptyDir, `${PER_SERVER}_shop_per_server.sql`),
    );
    const result = await migrate({
      connectionString: urlOf(empty),
      seed: false,
      migrationsDir: emptyDir,
      seedFile: noSeed,
    });
    expect(result.applied).toContain(`${PER_SERVER}_shop_per_server.sql`);
  });
});
