/**
 * The admins' plan functions (20261201020000_shop_per_server.sql) through the local PostgREST
 * stand-in: isolation between servers (an admin of server B, an agent and a member of server A, the
 * control identity, anon) and the plan history only admins read.
 */

import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import {
  archivePlan,
  createPlan,
  listPlans,
  type Plan,
  updatePlan,
  viewPlan,
} from "../../../src/maxis/plans/rpc";
import { client, serviceClient, sql, supabase } from "../local-supabase/support";
import { as, created, editable, input, twoServers } from "./plan-admin-support";

const s = twoServers();

describe("isolation: only the server's own admins", () => {
  let planA: Plan;
  beforeAll(async () => {
    planA = await created(s.adminA, { name: "Server A's plan" });
  });

  it("an admin of server B can neither see, edit nor archive server A's plans", async () => {
    const list = await listPlans(s.adminB);
    expect(list.ok && list.value.some((p) => p.id === planA.id)).toBe(false);
    expect(await viewPlan(s.adminB, planA.id)).toEqual({ ok: false, error: { code: "plan_not_found" } });
    expect(
      await updatePlan(s.adminB, planA.id, planA.updatedAt, { ...editable(planA), priceCents: 1 }),
    ).toEqual({
      ok: false,
      error: { code: "plan_not_found" },
    });
    expect(await archivePlan(s.adminB, planA.id)).toEqual({ ok: false, error: { code: "plan_not_found" } });
    const [row] = await sql("select price_cents, active from public.plans where id = $1", [planA.id]);
    expect(row).toEqual({ price_cents: planA.priceCents, active: true });
  });

  it("an agent or a member of server A can change nothing", async () => {
    for (const role of ["agent", "member"]) {
      const db = await as(s.serverA, role);
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
      expect(await seen(s.serverA, "admin")).toBe(1);
      expect(await seen(s.serverB, "admin")).toBe(0);
      expect(await seen(s.serverA, "agent")).toBe(0);
      expect(await seen(s.serverA, "member")).toBe(0);
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
