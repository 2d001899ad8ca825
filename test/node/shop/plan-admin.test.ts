/**
 * The admins' plan functions (20261201020000_shop_per_server.sql) through the local PostgREST
 * stand-in, as the dashboard calls them: validation with stable codes, one transaction, the audit
 * trail, and isolation between servers (an admin of server B, an agent and a member of server A).
 */
import { randomBytes, randomInt } from "node:crypto";
import type { SupabaseClient } from "@supabase/supabase-js";
import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import {
  archivePlan,
  createPlan,
  listPlans,
  type Plan,
  type PlanInput,
  updatePlan,
  viewPlan,
} from "../../../src/maxis/plans/rpc";
import { listShop } from "../../../src/maxis/shop/service";
import { client, serviceClient, sql, supabase, userJwt } from "../local-supabase/support";

const snowflake = () => String(1_300_000_000_000_000_000n + BigInt(randomInt(1, 2 ** 47)));
/** Servers of this file only, so parallel files and the seed never meet its plans. */
const SERVER_A = snowflake();
const SERVER_B = snowflake();
const ADMIN_A = snowflake();
const ADMIN_B = snowflake();

const as = async (guildId: string | null, appRole: string, sub = snowflake()): Promise<SupabaseClient> =>
  client(await userJwt({ sub, guild_id: guildId, app_role: appRole }));

const input = (overrides: Partial<PlanInput> = {}): PlanInput => ({
  key: `k-${randomBytes(3).toString("hex")}`,
  name: "Pro",
  nameFr: "Pro",
  description: "Priority support",
  descriptionFr: "Support prioritaire",
  priceCents: 1299,
  floorCents: 799,
  currency: "EUR",
  duration: "month",
  active: true,
  sortOrder: null,
  ...overrides,
});

async function created(db: SupabaseClient, overrides: Partial<PlanInput> = {}): Promise<Plan> {
  const result = await createPlan(db, input(overrides));
  if (!result.ok) throw new Error(result.error.code);
  return result.value;
}

const editable = (plan: Plan): PlanInput => ({ ...plan, sortOrder: plan.sortOrder });

let adminA: SupabaseClient;
let adminB: SupabaseClient;

beforeAll(async () => {
  adminA = await as(SERVER_A, "admin", ADMIN_A);
  adminB = await as(SERVER_B, "admin", ADMIN_B);
});

describe("an admin creates and edits their server's plans", () => {
  it("creates a plan, normalised, with a stable id, in the caller's server, audited", async () => {
    const plan = await created(adminA, {
      key: "  Pro-Yearly ",
      name: "  Pro yearly ",
      currency: "eur",
      duration: "year",
    });
    expect(plan).toMatchObject({
      guildId: SERVER_A,
      key: "pro-yearly",
      name: "Pro yearly",
      currency: "EUR",
      duration: "year",
      active: true,
    });
    expect(plan.id).toMatch(/^[0-9a-f]{32}$/);
    const view = await viewPlan(adminA, plan.id);
    if (!view.ok) throw new Error(view.error.code);
    expect(view.value.history).toEqual([
      expect.objectContaining({ actorId: ADMIN_A, action: "created", before: null, after: plan }),
    ]);
  });

  it("puts a new plan after the last one, and lists archived plans last", async () => {
    const first = await created(adminA, { sortOrder: 5000 });
    const next = await created(adminA);
    expect(next.sortOrder).toBe(5010);
    const archived = await archivePlan(adminA, first.id);
    expect(archived.ok && archived.value.active).toBe(false);
    const list = await listPlans(adminA);
    if (!list.ok) throw new Error(list.error.code);
    expect(list.value.at(-1)?.id).toBe(first.id);
    expect(list.value.every((p) => p.guildId === SERVER_A)).toBe(true);
  });

  it("edits every field, records before and after, and refuses a stale edit", async () => {
    const plan = await created(adminA, { priceCents: 1000, floorCents: 500 });
    const edited = await updatePlan(adminA, plan.id, plan.updatedAt, {
      ...editable(plan),
      name: "Pro+",
      nameFr: "Pro plus",
      priceCents: 1500,
      duration: "lifetime",
    });
    if (!edited.ok) throw new Error(edited.error.code);
    expect(edited.value).toMatchObject({
      name: "Pro+",
      nameFr: "Pro plus",
      priceCents: 1500,
      duration: "lifetime",
    });

    // Saved from a copy opened before that edit: nothing is overwritten.
    const stale = await updatePlan(adminA, plan.id, plan.updatedAt, { ...editable(plan), priceCents: 1 });
    expect(stale).toEqual({ ok: false, error: { code: "plan_changed" } });

    const view = await viewPlan(adminA, plan.id);
    if (!view.ok) throw new Error(view.error.code);
    expect(view.value.plan.priceCents).toBe(1500);
    expect(view.value.history.map((h) => h.action)).toEqual(["updated", "created"]);
    expect(view.value.history[0]).toMatchObject({
      actorId: ADMIN_A,
      before: { priceCents: 1000, name: "Pro" },
      after: { priceCents: 1500, name: "Pro+" },
    });

    const archived = await archivePlan(adminA, plan.id);
    if (!archived.ok) throw new Error(archived.error.code);
    const restored = await updatePlan(adminA, plan.id, archived.value.updatedAt, {
      ...editable(archived.value),
      active: true,
    });
    expect(restored.ok && restored.value.active).toBe(true);
    const again = await viewPlan(adminA, plan.id);
    expect(again.ok && again.value.history.map((h) => h.action)).toEqual([
      "restored",
      "archived",
      "updated",
      "created",
    ]);
  });

  it("keeps keys unique per server, not across servers", async () => {
    const key = `same-${randomBytes(3).toString("hex")}`;
    const a = await created(adminA, { key });
    expect(await createPlan(adminA, input({ key }))).toEqual({ ok: false, error: { code: "key_taken" } });
    const b = await created(adminB, { key });
    expect(b.key).toBe(a.key);
    expect(b.id).not.toBe(a.id);
    // Renaming onto a key the server already has is refused too.
    const other = await created(adminA);
    expect(await updatePlan(adminA, other.id, other.updatedAt, { ...editable(other), key })).toEqual({
      ok: false,
      error: { code: "key_taken" },
    });
  });

  it("refuses each invalid field with its code, and writes nothing", async () => {
    const count = async () =>
      Number(
        (
          await sql<{ n: string }>("select count(*) as n from public.plans where guild_id = $1", [SERVER_A])
        )[0]?.n,
      );
    const before = await count();
    const cases: [Partial<PlanInput>, string][] = [
      [{ key: "" }, "invalid_key"],
      [{ key: "-pro" }, "invalid_key"],
      [{ key: "pro plan" }, "invalid_key"],
      [{ key: "x".repeat(33) }, "invalid_key"],
      [{ name: "   " }, "name_empty"],
      [{ name: "n".repeat(101) }, "name_too_long"],
      [{ nameFr: "n".repeat(101) }, "name_fr_too_long"],
      [{ name: "Pro\nplus" }, "invalid_name"],
      [{ description: "d".repeat(501) }, "description_too_long"],
      [{ descriptionFr: "d".repeat(501) }, "description_fr_too_long"],
      [{ priceCents: 0 }, "invalid_price"],
      [{ priceCents: -5 }, "invalid_price"],
      [{ priceCents: 100_000_001 }, "invalid_price"],
      [{ floorCents: 1300 }, "invalid_floor"],
      [{ floorCents: -1 }, "invalid_floor"],
      [{ currency: "XYZ" }, "invalid_currency"],
      [{ currency: "" }, "invalid_currency"],
      [{ duration: "decade" }, "invalid_plan_duration"],
      [{ sortOrder: -1 }, "invalid_sort_order"],
    ];
    for (const [overrides, code] of cases) {
      expect(await createPlan(adminA, input(overrides)), JSON.stringify(overrides)).toEqual({
        ok: false,
        error: { code },
      });
    }
    expect(await count()).toBe(before);
  });
});

describe("isolation: only the server's own admins", () => {
  let planA: Plan;
  beforeAll(async () => {
    planA = await created(adminA, { name: "Server A's plan" });
  });

  it("an admin of server B can neither see, edit nor archive server A's plans", async () => {
    const list = await listPlans(adminB);
    expect(list.ok && list.value.some((p) => p.id === planA.id)).toBe(false);
    expect(await viewPlan(adminB, planA.id)).toEqual({ ok: false, error: { code: "plan_not_found" } });
    expect(
      await updatePlan(adminB, planA.id, planA.updatedAt, { ...editable(planA), priceCents: 1 }),
    ).toEqual({
      ok: false,
      error: { code: "plan_not_found" },
    });
    expect(await archivePlan(adminB, planA.id)).toEqual({ ok: false, error: { code: "plan_not_found" } });
    const [row] = await sql("select price_cents, active from public.plans where id = $1", [planA.id]);
    expect(row).toEqual({ price_cents: planA.priceCents, active: true });
  });

  it("an agent or a member of server A can change nothing", async () => {
    for (const role of ["agent", "member"]) {
      const db = await as(SERVER_A, role);
      const refused = { ok: false, error: { code: "admin_only" } };
      expect(await listPlans(db), role).toEqual(refused);
      expect(await createPlan(db, input()), role).toEqual(refused);
      expect(
        await updatePlan(db, planA.id, planA.updatedAt, { ...editable(planA), priceCents: 1 }),
        role,
      ).toEqual(refused);
      expect(await archivePlan(db, planA.id), role).toEqual(refused);
    }
    const noServer = await as(null, "admin");
    expect(await createPlan(noServer, input())).toEqual({ ok: false, error: { code: "guild_required" } });
    const [row] = await sql("select price_cents, active from public.plans where id = $1", [planA.id]);
    expect(row).toEqual({ price_cents: planA.priceCents, active: true });
  });

  it("the control identity and anon do not edit plans", async () => {
    const service = serviceClient();
    const res = await service.rpc("plan_create", {
      p_key: "x",
      p_name: "x",
      p_price_cents: 1,
      p_currency: "EUR",
      p_duration: "month",
    });
    expect(res.error?.message).toMatch(/permission denied|not_authenticated/);
    const anon = await client().rpc("plan_list");
    expect(anon.error?.message).toMatch(/permission denied/);
  });

  it("plan history is readable by the server's admins only (RLS), and nobody rewrites it", async () => {
    const db = new pg.Client({ connectionString: supabase().databaseUrl });
    await db.connect();
    const seen = async (guild: string, role: string) => {
      await db.query("begin");
      try {
        await db.query("select set_config('request.jwt.claims', $1, true)", [
          JSON.stringify({
            sub: "1300000000000000111",
            role: "authenticated",
            app_role: role,
            guild_id: guild,
          }),
        ]);
        await db.query("set local role authenticated");
        const { rows } = await db.query(
          "select count(*)::int as n from public.plan_audit where plan_id = $1",
          [planA.id],
        );
        return rows[0]?.n as number;
      } finally {
        await db.query("rollback");
      }
    };
    try {
      expect(await seen(SERVER_A, "admin")).toBe(1);
      expect(await seen(SERVER_B, "admin")).toBe(0);
      expect(await seen(SERVER_A, "agent")).toBe(0);
      expect(await seen(SERVER_A, "member")).toBe(0);
    } finally {
      await db.end();
    }
    await expect(
      sql("update public.plan_audit set actor_id = '1' where plan_id = $1", [planA.id]),
    ).rejects.toThrow(/append-only/);
    await expect(sql("delete from public.plan_audit where plan_id = $1", [planA.id])).rejects.toThrow(
      /append-only/,
    );
  });
});

describe("/shop follows the edits", () => {
  it("shows a server's new plan to its members only, and hides it once archived", async () => {
    const plan = await created(adminA, {
      name: "Fresh",
      nameFr: "Tout neuf",
      priceCents: 700,
      floorCents: 0,
    });
    const env = {
      SUPABASE_URL: supabase().restUrl,
      SUPABASE_PUBLISHABLE_KEY: supabase().publishableKey,
      SUPABASE_JWT_SIGNING_KEY: supabase().signingKey,
    };
    const member = (guildId: string) => ({
      kind: "member" as const,
      identity: { userId: snowflake(), appRole: "member" as const, guildId, roleIds: [] },
    });
    const shopA = await listShop(env, member(SERVER_A), "fr");
    expect(shopA.ok && shopA.value.find((p) => p.id === plan.id)?.name).toBe("Tout neuf");
    const shopB = await listShop(env, member(SERVER_B));
    expect(shopB.ok && shopB.value.some((p) => p.id === plan.id)).toBe(false);
    await archivePlan(adminA, plan.id);
    const after = await listShop(env, member(SERVER_A));
    expect(after.ok && after.value.some((p) => p.id === plan.id)).toBe(false);
  });
});
