/**
 * Promotions made and counted by the control API (Shellia's operators), through the shop service
 * against the local PostgREST stand-in: create_promotion's checks, in the service and in SQL, and the
 * figures and live promotions operators read.
 */

import { describe, expect, it } from "vitest";
import {
  CONTROL_ACTOR,
  createPromotion,
  livePromotions,
  promotionFigures,
} from "../../../src/maxis/shop/service";
import {
  actor,
  env,
  floored,
  GUILD,
  hidden,
  plan,
  promotionsOf,
  seedPlans,
  serviceRpc,
} from "./promotions-support";

seedPlans();

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
