/**
 * The shop's SQL (20261124020000_shop.sql) through the shop service, as Maxis calls it: supabase-js
 * `.rpc()` to the local PostgREST stand-in, as a member: /shop's list with promoted prices, and row
 * level security on plans and promotions.
 */

import pg from "pg";
import { describe, expect, it } from "vitest";
import { CONTROL_ACTOR, createPromotion, listShop } from "../../../src/maxis/shop/service";
import { sql, supabase } from "../local-supabase/support";
import { actor, env, floored, GUILD, hidden, plan, seedPlans } from "./promotions-support";

seedPlans();

describe("/shop's list: live plans, promoted prices, expired promotions gone by themselves", () => {
  it("shows the best live promotion, ignores expired and future ones, hides inactive plans", async () => {
    await sql(
      `insert into public.promotions (plan_id, guild_id, percent, starts_at, ends_at, created_by) values
         ($1, $2, 50, now() - interval '3 hours', now() - interval '1 second', 'control'),
         ($1, $2, 40, now() + interval '1 hour', now() + interval '3 hours', 'control'),
         ($1, $2, 10, now() - interval '1 hour', now() + interval '5 hours', 'control'),
         ($1, $2, 25, now() - interval '1 hour', now() + interval '2 hours', 'control')`,
      [plan, GUILD],
    );
    const shop = await listShop(env(), actor("member"));
    if (!shop.ok) throw new Error(shop.error.code);
    const mine = shop.value.filter((p) => p.id.startsWith(plan));
    expect(mine.map((p) => p.id)).toEqual([plan, floored]);
    expect(mine[0]).toMatchObject({
      name: "Test Pro",
      priceCents: 1299,
      currency: "EUR",
      // 25 % off 12.99 = 9.7425 → 9.74; the expired 50 % and the future 40 % do not count.
      promotion: { percent: 25, promotedCents: 974 },
    });
    expect(mine[1]?.promotion).toBeNull();
  });

  it("describes each plan in the reader's language, in English when no French one is written", async () => {
    const inFrench = await listShop(env(), actor("member"), "fr");
    const inEnglish = await listShop(env(), actor("member"), "en");
    if (!inFrench.ok || !inEnglish.ok) throw new Error("list_shop failed");
    const described = (list: typeof inFrench.value) =>
      list.filter((p) => p.id.startsWith(plan)).map((p) => p.description);
    expect(described(inFrench.value)).toEqual(["Pour les tests", "No French yet"]);
    expect(described(inEnglish.value)).toEqual(["For tests", "No French yet"]);
  });

  it("never brings a plan below its floor", async () => {
    const created = await createPromotion(env(), CONTROL_ACTOR, {
      guildId: GUILD,
      planKey: floored,
      percent: 90,
      durationSeconds: 3600,
    });
    expect(created).toMatchObject({
      ok: true,
      value: { priceCents: 1000, promotedCents: 900, createdBy: "control" },
    });
    const shop = await listShop(env(), actor("member"));
    expect(shop.ok && shop.value.find((p) => p.id === floored)?.promotion?.promotedCents).toBe(900);
  });
});

describe("row level security", () => {
  it("is enabled on both tables", async () => {
    const rows = await sql<{ relname: string; relrowsecurity: boolean }>(
      "select relname, relrowsecurity from pg_class where oid in ('public.plans'::regclass, 'public.promotions'::regclass)",
    );
    expect(rows.every((r) => r.relrowsecurity)).toBe(true);
  });

  it("keeps every API role from writing plans and promotions directly, and members from reading expired ones", async () => {
    const db = new pg.Client({ connectionString: supabase().databaseUrl });
    await db.connect();
    const as = async (role: "authenticated" | "service_role", appRole?: string) => {
      await db.query("begin");
      await db.query(`set local role ${role}`);
      await db.query("select set_config('request.jwt.claims', $1, true)", [
        JSON.stringify(
          role === "service_role"
            ? { role, sub: "control" }
            : { sub: "1300000000000000111", role, app_role: appRole, guild_id: "1300000000000000010" },
        ),
      ]);
    };
    const asMember = () => as("authenticated", "member");
    const writes = [
      `insert into public.promotions (plan_id, percent, starts_at, ends_at, created_by)
         values ('${plan}', 50, '2000-01-01', '2000-01-02', '1300000000000000111')`,
      `update public.promotions set percent = 90, ends_at = now() + interval '29 days' where plan_id = '${plan}'`,
      `delete from public.promotions where plan_id = '${plan}'`,
      `insert into public.plans (id, name, price_cents, currency, floor_cents) values ('${plan}-x', 'x', 1, 'EUR', 0)`,
      `update public.plans set price_cents = 1, floor_cents = 0 where id = '${plan}'`,
      `delete from public.plans where id = '${hidden}'`,
    ];
    const before = await sql("select * from public.promotions where plan_id = $1 order by id", [plan]);
    try {
      for (const [role, appRole] of [
        ["authenticated", "member"],
        ["authenticated", "agent"],
        ["authenticated", "admin"],
        ["service_role", undefined],
      ] as const) {
        for (const write of writes) {
          await as(role, appRole);
          await expect(db.query(write), `${role} ${appRole}: ${write}`).rejects.toThrow(/permission denied/);
          await db.query("rollback");
        }
      }
      expect(await sql("select * from public.promotions where plan_id = $1 order by id", [plan])).toEqual(
        before,
      );

      await asMember();
      const seen = await db.query<{ expired: string; live: string }>(
        `select count(*) filter (where ends_at <= now()) as expired, count(*) filter (where ends_at > now()) as live
         from public.promotions where plan_id = $1`,
        [plan],
      );
      await db.query("rollback");
      // The test plan has an expired promotion (first test) that members must not see.
      expect(Number(seen.rows[0]?.expired)).toBe(0);
      expect(Number(seen.rows[0]?.live)).toBeGreaterThan(0);
      const all = await sql<{ expired: string }>(
        "select count(*) filter (where ends_at <= now()) as expired from public.promotions where plan_id = $1",
        [plan],
      );
      expect(Number(all[0]?.expired)).toBeGreaterThan(0);
    } finally {
      await db.end();
    }
  });
});
