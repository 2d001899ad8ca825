/**
 * The shop's SQL (20261124020000_shop.sql) through the shop service, as Maxis calls it: supabase-js
 * `.rpc()` to the local PostgREST stand-in, as a member, a staff member or the control API.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import {
  CONTROL_ACTOR,
  createPromotion,
  listShop,
  livePromotions,
  promotionFigures,
  type ShopActor,
} from "../../../src/maxis/shop/service";
import type { SupabaseIdentity } from "../../../src/maxis/supabase/client";
import { snowflake } from "../../support/snowflake";
import { sql, supabase } from "../local-supabase/support";

const env = () => ({
  SUPABASE_URL: supabase().restUrl,
  SUPABASE_PUBLISHABLE_KEY: supabase().publishableKey,
  SUPABASE_JWT_SIGNING_KEY: supabase().signingKey,
});
const GUILD = "1300000000000000010";
const actor = (appRole: SupabaseIdentity["appRole"]): ShopActor & { identity: SupabaseIdentity } => ({
  kind: "member",
  identity: { userId: snowflake(), appRole, guildId: GUILD, roleIds: [] },
});

/** Plans of this test file only, so the seed and parallel files never change what we count. */
const plan = `t-${randomBytes(4).toString("hex")}`;
const floored = `${plan}-floor`;
const hidden = `${plan}-off`;
const promotionsOf = async (planId: string) =>
  Number(
    (await sql<{ n: string }>("select count(*) as n from public.promotions where plan_id = $1", [planId]))[0]
      ?.n,
  );

/** A raw PostgREST call with the secret key (service_role): the control identity, as Maxis's control API calls. */
const serviceRpc = (fn: string, body: Record<string, unknown>) =>
  fetch(`${supabase().restUrl}/rest/v1/rpc/${fn}`, {
    method: "POST",
    headers: {
      "Content-Type": "application/json",
      apikey: supabase().secretKey,
      Authorization: `Bearer ${supabase().secretKey}`,
    },
    body: JSON.stringify(body),
  });

beforeAll(async () => {
  await sql(
    `insert into public.plans (id, guild_id, key, name, description, description_fr, price_cents, currency, floor_cents, active, sort_order) values
       ($1, $4, $1, 'Test Pro', 'For tests', 'Pour les tests', 1299, 'EUR', 799, true, 1000),
       ($2, $4, $2, 'Test Floor', 'No French yet', '', 1000, 'USD', 900, true, 1001),
       ($3, $4, $3, 'Test Retired', '', '', 500, 'EUR', 0, false, 1002)`,
    [plan, floored, hidden, GUILD],
  );
});

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

describe("create_promotion", () => {
  it("lets the control API create one, starting now, ending after the duration", async () => {
    const result = await createPromotion(env(), CONTROL_ACTOR, {
      guildId: GUILD,
      planKey: plan,
      percent: 20,
      durationSeconds: 48 * 3600,
    });
    if (!result.ok) throw new Error(result.error.code);
    expect(result.value).toMatchObject({
      guildId: GUILD,
      planId: plan,
      planKey: plan,
      planName: "Test Pro",
      percent: 20,
      createdBy: "control",
    });
    const hours = (Date.parse(result.value.endsAt) - Date.parse(result.value.startsAt)) / 3_600_000;
    expect(hours).toBe(48);
    expect(Math.abs(Date.parse(result.value.startsAt) - Date.now())).toBeLessThan(60_000);
  });

  it("refuses staff: only the control API (Shellia's operators) creates promotions", async () => {
    const before = await promotionsOf(plan);
    for (const role of ["agent", "admin"] as const) {
      const result = await createPromotion(env(), actor(role), {
        guildId: GUILD,
        planKey: plan,
        percent: 20,
        durationSeconds: 7200,
      });
      expect(result, role).toEqual({ ok: false, error: { code: "forbidden" } });
    }
    expect(await promotionsOf(plan)).toBe(before);
  });

  it("refuses members, and creates nothing", async () => {
    const before = await promotionsOf(plan);
    const result = await createPromotion(env(), actor("member"), {
      guildId: GUILD,
      planKey: plan,
      percent: 20,
      durationSeconds: 7200,
    });
    expect(result).toEqual({ ok: false, error: { code: "forbidden" } });
    expect(await promotionsOf(plan)).toBe(before);
  });

  it("refuses 0 %, 95 %, an unknown or retired plan and a bad duration, and creates nothing", async () => {
    const before = await promotionsOf(plan);
    const cases = [
      [{ guildId: GUILD, planKey: plan, percent: 0, durationSeconds: 7200 }, "invalid_percent"],
      [{ guildId: GUILD, planKey: plan, percent: 95, durationSeconds: 7200 }, "invalid_percent"],
      [{ guildId: GUILD, planKey: "no-such-plan", percent: 20, durationSeconds: 7200 }, "unknown_plan"],
      [{ guildId: GUILD, planKey: hidden, percent: 20, durationSeconds: 7200 }, "unknown_plan"],
      [{ guildId: GUILD, planKey: plan, percent: 20, durationSeconds: 3599 }, "invalid_duration"],
      [{ guildId: GUILD, planKey: plan, percent: 20, durationSeconds: 31 * 86400 }, "invalid_duration"],
    ] as const;
    for (const [input, code] of cases) {
      expect(await createPromotion(env(), CONTROL_ACTOR, input), JSON.stringify(input)).toEqual({
        ok: false,
        error: { code },
      });
    }
    expect(await promotionsOf(plan)).toBe(before);
  });

  it("refuses a start in the past (the year 2000) or too far ahead, and accepts one later today", async () => {
    const before = await promotionsOf(plan);
    const call = (startsAt: string) =>
      serviceRpc("create_promotion", {
        p_guild_id: GUILD,
        p_plan_key: plan,
        p_percent: 15,
        p_duration_seconds: 7200,
        p_starts_at: startsAt,
      });
    for (const startsAt of [
      "2000-01-01T00:00:00Z",
      new Date(Date.now() - 10 * 60_000).toISOString(),
      new Date(Date.now() + 91 * 86_400_000).toISOString(),
    ]) {
      const res = await call(startsAt);
      expect(res.status, startsAt).toBe(400);
      expect(((await res.json()) as { message: string }).message).toBe("invalid_start");
    }
    expect(await promotionsOf(plan)).toBe(before);

    const later = new Date(Date.now() + 3 * 3_600_000);
    const res = await call(later.toISOString());
    expect(res.status).toBe(200);
    const created = (await res.json()) as { starts_at: string; ends_at: string; created_by: string };
    expect(Date.parse(created.starts_at)).toBe(later.getTime());
    expect(Date.parse(created.ends_at) - later.getTime()).toBe(7_200_000);
    expect(created.created_by).toBe("control");
  });

  it("checks the limits in SQL too, whoever calls it", async () => {
    for (const [percent, seconds, message] of [
      [0, 7200, "invalid_percent"],
      [95, 7200, "invalid_percent"],
      [20, 60, "invalid_duration"],
    ] as const) {
      const res = await serviceRpc("create_promotion", {
        p_guild_id: GUILD,
        p_plan_key: plan,
        p_percent: percent,
        p_duration_seconds: seconds,
      });
      expect(res.status).toBe(400);
      expect(((await res.json()) as { message: string }).message).toBe(message);
    }
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

describe("figures and live promotions for the control API", () => {
  it("counts promotions started in a period and those live now", async () => {
    const since = new Date(Date.now() - 1000);
    const before = await promotionFigures(env(), CONTROL_ACTOR, since);
    if (!before.ok) throw new Error(before.error.code);
    await createPromotion(env(), CONTROL_ACTOR, {
      guildId: GUILD,
      planKey: plan,
      percent: 30,
      durationSeconds: 3600,
    });
    await createPromotion(env(), CONTROL_ACTOR, {
      guildId: GUILD,
      planKey: floored,
      percent: 10,
      durationSeconds: 3600,
    });
    const after = await promotionFigures(env(), CONTROL_ACTOR, since);
    if (!after.ok) throw new Error(after.error.code);
    expect(after.value.promotionsRun - before.value.promotionsRun).toBe(2);
    expect(after.value.liveNow - before.value.liveNow).toBe(2);

    const live = await livePromotions(env(), CONTROL_ACTOR);
    if (!live.ok) throw new Error(live.error.code);
    expect(live.value.filter((p) => p.planId === plan).every((p) => Date.parse(p.endsAt) > Date.now())).toBe(
      true,
    );
    const ends = live.value.map((p) => Date.parse(p.endsAt));
    expect(ends).toEqual([...ends].sort((a, b) => a - b));
  });

  it("keeps figures from members", async () => {
    expect(await promotionFigures(env(), actor("member"), new Date(0))).toEqual({
      ok: false,
      error: { code: "forbidden" },
    });
    expect(await livePromotions(env(), actor("member"))).toEqual({ ok: false, error: { code: "forbidden" } });
  });
});
