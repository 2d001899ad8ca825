/**
 * The admins' plan functions (20261201020000_shop_per_server.sql) through the local PostgREST
 * stand-in, as the dashboard calls them: validation with stable codes, one transaction, the audit
 * trail, and /shop following the edits.
 */
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  archivePlan,
  createPlan,
  listPlans,
  type PlanInput,
  updatePlan,
  viewPlan,
} from "../../../src/maxis/plans/rpc";
import { listShop } from "../../../src/maxis/shop/service";
import { sql, supabase } from "../local-supabase/support";
import { created, editable, input, snowflake, twoServers } from "./plan-admin-support";

const s = twoServers();

describe("an admin creates and edits their server's plans", () => {
  it("creates a plan, normalised, with a stable id, in the caller's server, audited", async () => {
    const plan = await created(s.adminA, {
      key: "  Pro-Yearly ",
      name: "  Pro yearly ",
      currency: "eur",
      duration: "year",
    });
    expect(plan).toMatchObject({
      guildId: s.serverA,
      key: "pro-yearly",
      name: "Pro yearly",
      currency: "EUR",
      duration: "year",
      active: true,
    });
    expect(plan.id).toMatch(/^[0-9a-f]{32}$/);
    const view = await viewPlan(s.adminA, plan.id);
    if (!view.ok) throw new Error(view.error.code);
    expect(view.value.history).toEqual([
      expect.objectContaining({ actorId: s.adminAId, action: "created", before: null, after: plan }),
    ]);
  });

  it("puts a new plan after the last one, and lists archived plans last", async () => {
    const first = await created(s.adminA, { sortOrder: 5000 });
    const next = await created(s.adminA);
    expect(next.sortOrder).toBe(5010);
    const archived = await archivePlan(s.adminA, first.id);
    expect(archived.ok && archived.value.active).toBe(false);
    const list = await listPlans(s.adminA);
    if (!list.ok) throw new Error(list.error.code);
    expect(list.value.at(-1)?.id).toBe(first.id);
    expect(list.value.every((p) => p.guildId === s.serverA)).toBe(true);
  });

  it("edits every field, records before and after, and refuses a stale edit", async () => {
    const plan = await created(s.adminA, { priceCents: 1000, floorCents: 500 });
    const edited = await updatePlan(s.adminA, plan.id, plan.updatedAt, {
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
    const stale = await updatePlan(s.adminA, plan.id, plan.updatedAt, { ...editable(plan), priceCents: 1 });
    expect(stale).toEqual({ ok: false, error: { code: "plan_changed" } });

    const view = await viewPlan(s.adminA, plan.id);
    if (!view.ok) throw new Error(view.error.code);
    expect(view.value.plan.priceCents).toBe(1500);
    expect(view.value.history.map((h) => h.action)).toEqual(["updated", "created"]);
    expect(view.value.history[0]).toMatchObject({
      actorId: s.adminAId,
      before: { priceCents: 1000, name: "Pro" },
      after: { priceCents: 1500, name: "Pro+" },
    });

    const archived = await archivePlan(s.adminA, plan.id);
    if (!archived.ok) throw new Error(archived.error.code);
    const restored = await updatePlan(s.adminA, plan.id, archived.value.updatedAt, {
      ...editable(archived.value),
      active: true,
    });
    expect(restored.ok && restored.value.active).toBe(true);
    const again = await viewPlan(s.adminA, plan.id);
    expect(again.ok && again.value.history.map((h) => h.action)).toEqual([
      "restored",
      "archived",
      "updated",
      "created",
    ]);
  });

  it("keeps keys unique per server, not across servers", async () => {
    const key = `same-${randomBytes(3).toString("hex")}`;
    const a = await created(s.adminA, { key });
    expect(await createPlan(s.adminA, input({ key }))).toEqual({ ok: false, error: { code: "key_taken" } });
    const b = await created(s.adminB, { key });
    expect(b.key).toBe(a.key);
    expect(b.id).not.toBe(a.id);
    // Renaming onto a key the server already has is refused too.
    const other = await created(s.adminA);
    expect(await updatePlan(s.adminA, other.id, other.updatedAt, { ...editable(other), key })).toEqual({
      ok: false,
      error: { code: "key_taken" },
    });
  });

  it("refuses each invalid field with its code, and writes nothing", async () => {
    const count = async () =>
      Number(
        (
          await sql<{ n: string }>("select count(*) as n from public.plans where guild_id = $1", [s.serverA])
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
      expect(await createPlan(s.adminA, input(overrides)), JSON.stringify(overrides)).toEqual({
        ok: false,
        error: { code },
      });
    }
    expect(await count()).toBe(before);
  });
});

describe("/shop follows the edits", () => {
  it("shows a server's new plan to its members only, and hides it once archived", async () => {
    const plan = await created(s.adminA, {
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
    const shopA = await listShop(env, member(s.serverA), "fr");
    expect(shopA.ok && shopA.value.find((p) => p.id === plan.id)?.name).toBe("Tout neuf");
    const shopB = await listShop(env, member(s.serverB));
    expect(shopB.ok && shopB.value.some((p) => p.id === plan.id)).toBe(false);
    await archivePlan(s.adminA, plan.id);
    const after = await listShop(env, member(s.serverA));
    expect(after.ok && after.value.some((p) => p.id === plan.id)).toBe(false);
  });
});
