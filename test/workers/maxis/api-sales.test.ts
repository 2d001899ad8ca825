/**
 * The dashboard's sales page and a plan's Discord role and SKU, through `/api/v1` in workerd against
 * the real migrations: admins of the session's server only, figures in integer cents per currency,
 * the role checked against the server's roles on the Discord stand-in, every change audited.
 */
import { exports } from "cloudflare:workers";
import { describe, expect, inject, it } from "vitest";
import { newPayment, paymentEvents, type StripeEvent } from "../../../scripts/local-stripe/events";
import { stripeSignatureHeader } from "../../../src/maxis/payments/stripe-signature";
import { snowflake } from "../../support/snowflake";
import { api, sessionFor } from "./api-support";

const SERVER = "1300000000000000651";
const OTHER = "1300000000000000652";
const ADMIN = "1300000000000000333";

async function deliver(events: StripeEvent[]) {
  for (const event of events) {
    const body = JSON.stringify(event);
    const response = await exports.default.fetch("https://maxis.test/webhooks/stripe", {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        "Stripe-Signature": await stripeSignatureHeader(inject("stripeWebhookSecret"), body),
      },
      body,
    });
    expect(response.status).toBe(200);
  }
}

async function addRole(guildId: string, id: string, name: string) {
  await fetch(`${inject("discordLocalUrl")}/__local/guilds/${guildId}/roles`, {
    method: "POST",
    body: JSON.stringify({ id, name }),
  });
}

describe("/api/v1/sales and a plan's Discord role", { timeout: 30_000 }, () => {
  it("shows the server's admins what sold, once, at what price; agents and other servers see nothing", async () => {
    const token = await sessionFor({ userId: ADMIN, guildId: SERVER }, "admin");
    const created = await api("/plans", {
      method: "POST",
      token,
      body: { key: "forever", name: "Forever", priceCents: 14900, currency: "EUR", duration: "lifetime" },
    });
    expect(created.status).toBe(201);
    const planId = String(created.json?.["id"]);
    const buyer = snowflake();
    const payment = newPayment({
      id: `cs_test_${snowflake()}`,
      metadata: { guild_id: SERVER, user_id: buyer, plan_id: planId },
      amountCents: 14900,
      currency: "eur",
    });
    // A minute ago: the refund below (a second later) must not lie in the future of the read.
    const now = Math.floor(Date.now() / 1000) - 60;
    // Delivered three times: sold once.
    const paid = paymentEvents("complete", payment, now);
    await deliver([...paid, ...paid, ...paid]);

    const sales = await api("/sales?days=7", { token, headers: { "Accept-Language": "fr" } });
    expect(sales.status).toBe(200);
    expect(sales.headers.get("Cache-Control")).toBe("no-store");
    const body = sales.json as unknown as {
      daily: { planId: string; payments: number; paidCents: number; currency: string }[];
      active: { lifetime: number };
      plans: { id: string; name: string }[];
    };
    expect(body.daily).toEqual([
      expect.objectContaining({ planId, payments: 1, paidCents: 14900, refundedCents: 0, currency: "EUR" }),
    ]);
    expect(body.active).toMatchObject({ lifetime: 1, subscriptions: 0 });
    expect(body.plans).toEqual([expect.objectContaining({ id: planId, name: "Forever" })]);

    await deliver(paymentEvents("refund", payment, now + 1));
    const after = (await api("/sales?days=7", { token })).json as unknown as {
      daily: { refundedCents: number }[];
      active: { lifetime: number };
    };
    expect(after.daily[0]?.refundedCents).toBe(14900);
    expect(after.active.lifetime).toBe(0);

    const agent = await sessionFor({ userId: "1300000000000000222", guildId: SERVER }, "agent");
    const refused = await api("/sales", { token: agent, headers: { "Accept-Language": "fr" } });
    expect(refused.status).toBe(403);
    expect(refused.json).toEqual({
      error: {
        code: "admin_only",
        message:
          "Seuls les administrateurs du serveur (Administrateur ou Gérer le serveur) voient ses ventes.",
      },
    });
    const elsewhere = await sessionFor({ userId: ADMIN, guildId: OTHER }, "admin");
    expect(((await api("/sales", { token: elsewhere })).json as { daily: unknown[] }).daily).toEqual([]);
    expect((await api("/sales?days=0", { token })).json).toMatchObject({ error: { code: "invalid_days" } });
  });

  it("sets a plan's role and SKU only to a role of the server, refuses the rest, and keeps the history", async () => {
    const token = await sessionFor({ userId: ADMIN, guildId: SERVER }, "admin");
    const created = await api("/plans", {
      method: "POST",
      token,
      body: {
        key: `vip${snowflake().slice(-8)}`,
        name: "VIP",
        priceCents: 999,
        currency: "EUR",
        duration: "month",
      },
    });
    const planId = String(created.json?.["id"]);
    const role = snowflake();
    await addRole(SERVER, role, "VIP");
    const roles = await api("/roles", { token });
    expect(roles.status).toBe(200);
    const listed = (roles.json as { roles: { id: string; name: string }[] }).roles;
    expect(listed).toContainEqual(expect.objectContaining({ id: role, name: "VIP" }));
    // @everyone (the server's id) is never offered.
    expect(listed.some((r) => r.id === SERVER)).toBe(false);

    const path = `/plans/${planId}/discord`;
    let updatedAt = String(created.json?.["updatedAt"]);
    const set = (roleId: string | null, skuId: string | null, language = "en") =>
      api(path, {
        method: "PATCH",
        token,
        body: { roleId, skuId, expectedUpdatedAt: updatedAt },
        headers: { "Accept-Language": language },
      });

    // A role of another server, or one that does not exist: refused before anything is written.
    const foreign = snowflake();
    await addRole(OTHER, foreign, "Elsewhere");
    const refused = await set(foreign, null, "fr");
    expect(refused.status).toBe(422);
    expect(refused.json).toMatchObject({ error: { code: "role_not_in_server" } });
    expect(String((refused.json as { error: { message: string } }).error.message)).toContain("Ce rôle");
    expect((await set(SERVER, null)).json).toMatchObject({ error: { code: "role_not_in_server" } });
    expect((await set("12", null)).json).toMatchObject({ error: { code: "invalid_role" } });
    expect((await set(role, "not-a-sku")).json).toMatchObject({ error: { code: "invalid_sku" } });

    const sku = snowflake();
    const ok = await set(role, sku);
    expect(ok.status).toBe(200);
    expect(ok.json).toMatchObject({ roleId: role, skuId: sku });
    // Saved from a stale copy: refused.
    expect((await set(null, null)).status).toBe(409);
    updatedAt = String(ok.json?.["updatedAt"]);

    const view = await api(`/plans/${planId}`, { token });
    const history = (
      view.json as { history: { action: string; actorId: string; after: { roleId: string } }[] }
    ).history;
    expect(history[0]).toMatchObject({ action: "updated", actorId: ADMIN, after: { roleId: role } });

    const agent = await sessionFor({ userId: "1300000000000000222", guildId: SERVER }, "agent");
    expect(
      (
        await api(path, {
          method: "PATCH",
          token: agent,
          body: { roleId: null, skuId: null, expectedUpdatedAt: updatedAt },
        })
      ).status,
    ).toBe(403);
  });
});
