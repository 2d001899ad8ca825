/**
 * Revenue for operators: what the control API's analytics and report count from the payments ledger.
 */
import { env, exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { LOCAL_GUILD_ID } from "../../../scripts/lib/local-identities";
import { newSubscription } from "../../../scripts/local-stripe/events";
import { controlPath } from "../../../src/shared/control/protocol";
import { signControlRequest } from "../../../src/shared/control/sign";
import { parseControlKeys } from "../../../src/shared/control/verify";
import { deliver, freshMember, now, plain, snowflake, step, subscriptionFor } from "./payments-support";

describe("revenue for operators", () => {
  async function control(action: "analytics" | "report", payload: Record<string, unknown>) {
    const [keyId, secret] = [...parseControlKeys(env.CONTROL_KEYS)][0] ?? ["", ""];
    const path = controlPath(action);
    const body = JSON.stringify({ operator: { id: "1300000000000000333", name: "operator" }, ...payload });
    const headers = await signControlRequest({ keyId, secret }, { method: "POST", path, body });
    const response = await exports.default.fetch(`https://maxis.test${path}`, {
      method: "POST",
      headers: { ...headers, "Content-Type": "application/json" },
      body,
    });
    return (await response.json()) as { ok: boolean; result: Record<string, unknown> };
  }

  it("/maxis analytics and /maxis report count what was paid, refunded and failed, by plan and promotion", async () => {
    const member = freshMember();
    const sub = newSubscription(
      {
        id: `cs_test_${snowflake()}`,
        metadata: {
          guild_id: member.guildId,
          user_id: member.userId,
          plan_id: "premium",
          promotion_id: "424242",
        },
        amountCents: 2999,
        currency: "eur",
      },
      now(),
    );
    await deliver(step("complete", sub).events);
    await deliver(step("fail", sub).events);

    const analytics = await control("analytics", { period: "1h", locale: "en" });
    const revenue = analytics.result["revenue"] as {
      ok: true;
      value: {
        paidCents: number;
        failedPayments: number;
        currency: string;
        byPlan: { planId: string; promotionId: number; paidCents: number }[];
      };
    };
    expect(revenue.ok).toBe(true);
    expect(revenue.value.currency).toBe("EUR");
    expect(revenue.value.failedPayments).toBeGreaterThanOrEqual(1);
    expect(revenue.value.byPlan).toContainEqual({
      planId: "premium",
      promotionId: 424242,
      payments: 1,
      paidCents: 2999,
    });

    // Revenue is the named server's: the home server by default, another one when named.
    expect(analytics.result["revenue"]).toMatchObject({ value: { guildId: LOCAL_GUILD_ID } });
    const other = { userId: snowflake(), guildId: "1300000000000000920" };
    const otherSub = subscriptionFor(other, "other-pro", 900);
    await deliver(step("complete", otherSub).events);
    const elsewhere = (await control("analytics", { period: "1h", locale: "en", server: other.guildId }))
      .result["revenue"] as {
      value: { guildId: string; paidCents: number; currency: string; byPlan: unknown[] };
    };
    expect(elsewhere.value).toMatchObject({ guildId: other.guildId, currency: "EUR" });
    expect(elsewhere.value.byPlan).toContainEqual(expect.objectContaining({ planId: "pro", paidCents: 900 }));
    const home = (await control("analytics", { period: "1h", locale: "en" })).result["revenue"] as {
      value: { byPlan: { planId: string; paidCents: number }[] };
    };
    expect(home.value.byPlan.some((p) => p.planId === "pro" && p.paidCents === 900)).toBe(false);
    const bad = await control("analytics", { period: "1h", locale: "en", server: "not-a-server" });
    expect(bad).toMatchObject({ error: { code: "invalid_server" } });

    const report = await control("report", { period: "1h", locale: "fr" });
    expect(plain(JSON.stringify(report.result))).toContain(
      "premium, promotion 424242 : 29,99 € (1 paiement)",
    );
  }, 20_000);
});
