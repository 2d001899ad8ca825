/**
 * Sales in Postgres (20261202060000_sales.sql), by identity: the control identity reads one server's
 * revenue, the payments identity alone writes the checkout audit, and a server's admins set a plan's
 * Discord role and SKU.
 */
import { describe, expect, it } from "vitest";
import { asClaims, newGuild, type Person, runAs, snowflake, superuser } from "../tickets-db/db";
import { CONTROL, PAYMENTS, plansOf, subscribe, summary, uniqueId } from "./payments-support";

describe("sales", () => {
  it("gives the control identity one server's revenue, never another's", async () => {
    const home = newGuild();
    const other = newGuild();
    const mine = await plansOf(home.guildId);
    const theirs = await plansOf(other.guildId);
    await subscribe(home.memberA, mine.monthly, mine.promotionId, 1039);
    await subscribe(other.memberA, theirs.monthly, null, 1299);
    await subscribe(other.memberB, theirs.monthly, null, 1299);
    const figures = async (guild: string) => {
      const result = await asClaims(
        CONTROL,
        "select public.server_revenue_figures($1, now() - interval '1 day', now() + interval '1 minute') as r",
        [guild],
      );
      expect(result.error).toBeNull();
      return result.rows[0]?.["r"] as {
        paid_cents: number;
        payments: number;
        active_subscriptions: number;
        by_plan: { plan_key: string; promotion_id: number | null }[];
      };
    };
    expect(await figures(home.guildId)).toMatchObject({
      paid_cents: 1039,
      payments: 1,
      active_subscriptions: 1,
      by_plan: [{ plan_key: "pro", promotion_id: mine.promotionId }],
    });
    expect(await figures(other.guildId)).toMatchObject({
      paid_cents: 2598,
      payments: 2,
      active_subscriptions: 2,
    });
    const member = await runAs(
      home.admin,
      "select public.server_revenue_figures($1, now() - interval '1 day')",
      [home.guildId],
    );
    expect(member.error?.code).toBe("42501");
  });

  it("audits every checkout once, written by the payments identity only", async () => {
    const home = newGuild();
    const { monthly, promotionId } = await plansOf(home.guildId);
    const checkout = {
      guild_id: home.guildId,
      user_id: home.memberA.sub,
      plan_id: monthly,
      promotion_id: promotionId,
      amount_cents: 1039,
      currency: "eur",
      mode: "subscription",
      session_id: uniqueId("cs"),
      interaction_id: snowflake(),
    };
    for (let i = 0; i < 2; i++) {
      const call = await asClaims(PAYMENTS, "select public.payments_record_checkout($1::jsonb)", [
        JSON.stringify(checkout),
      ]);
      expect(call.error).toBeNull();
    }
    const forged = await runAs(home.memberA, "select public.payments_record_checkout($1::jsonb)", [
      JSON.stringify(checkout),
    ]);
    expect(forged.error?.code).toBe("42501");
    const rows = await runAs(
      home.admin,
      "select user_id, plan_id, promotion_id, amount_cents, currency, session_id from public.checkout_audit",
    );
    expect(rows.rows).toEqual([
      {
        user_id: home.memberA.sub,
        plan_id: monthly,
        promotion_id: String(promotionId),
        amount_cents: 1039,
        currency: "EUR",
        session_id: checkout.session_id,
      },
    ]);
    expect((await summary(home.admin)).value?.checkouts).toBe(1);
    const change = await superuser
      .query("update public.checkout_audit set amount_cents = 1 where session_id = $1", [checkout.session_id])
      .catch((error: Error) => error);
    expect(change).toBeInstanceOf(Error);
  });

  it("lets a server's admins set a plan's Discord role and SKU, validated and audited", async () => {
    const home = newGuild();
    const other = newGuild();
    const { monthly } = await plansOf(home.guildId);
    const theirs = await plansOf(other.guildId);
    const view = async () =>
      (await runAs(home.admin, "select public.plan_view($1) as v", [monthly])).rows[0]?.["v"] as {
        plan: { updated_at: string; role_id: string | null; discord_sku_id: string | null };
        history: {
          action: string;
          actor_id: string;
          before: { role_id: string };
          after: { role_id: string };
        }[];
      };
    const set = (who: Person, plan: string, at: string, role: string | null, sku: string | null) =>
      runAs(who, "select public.plan_set_discord($1, $2, $3, $4) as p", [plan, at, role, sku]);
    const before = (await view()).plan;
    const role = snowflake();
    const sku = snowflake();
    const ok = await set(home.admin, monthly, before.updated_at, role, sku);
    expect(ok.error).toBeNull();
    expect(ok.rows[0]?.["p"]).toMatchObject({ role_id: role, discord_sku_id: sku });
    const after = await view();
    expect(after.history[0]).toMatchObject({
      action: "updated",
      actor_id: home.admin.sub,
      after: { role_id: role },
    });

    const at = after.plan.updated_at;
    expect((await set(home.admin, monthly, at, "12", null)).error?.message).toBe("invalid_role");
    expect((await set(home.admin, monthly, at, home.guildId, null)).error?.message).toBe("invalid_role");
    expect((await set(home.admin, monthly, at, role, "sku")).error?.message).toBe("invalid_sku");
    expect((await set(home.admin, monthly, before.updated_at, null, null)).error?.message).toBe(
      "plan_changed",
    );
    expect((await set(home.agent, monthly, at, null, null)).error?.message).toBe("admin_only");
    // Another server's admin cannot reach this plan, nor reuse its SKU.
    expect((await set(other.admin, monthly, at, null, null)).error?.message).toBe("plan_not_found");
    const theirsView = (await runAs(other.admin, "select public.plan_view($1) as v", [theirs.monthly]))
      .rows[0]?.["v"] as { plan: { updated_at: string } };
    expect(
      (await set(other.admin, theirs.monthly, theirsView.plan.updated_at, null, sku)).error?.message,
    ).toBe("sku_taken");
    // Clearing both is one more audited change.
    const cleared = await set(home.admin, monthly, at, "", null);
    expect(cleared.rows[0]?.["p"]).toMatchObject({ role_id: null, discord_sku_id: null });
    expect((await view()).history).toHaveLength(2);
  });
});
