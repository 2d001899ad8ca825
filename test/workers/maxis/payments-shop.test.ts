/**
 * Buying, end to end in the real Workers runtime against the real migrations: /shop → Buy → the
 * Stripe stand-in's Checkout Session, a lifetime plan, and Discord entitlements (premium SKUs).
 */
import { env, exports } from "cloudflare:workers";
import { ButtonStyle } from "discord-api-types/v10";
import { describe, expect, inject, it } from "vitest";
import { discordSignatureHeaders } from "../../../scripts/lib/ed25519";
import { LOCAL_GUILD_ID } from "../../../scripts/lib/local-identities";
import { newPayment, paymentEvents } from "../../../scripts/local-stripe/events";
import { runPaymentsPass } from "../../../src/maxis/payments/scheduled";
import { api, sessionFor } from "./api-support";
import {
  buttons,
  click,
  command,
  data,
  deliver,
  freshMember,
  LIFETIME_ROLE,
  type Member,
  now,
  PREMIUM_ROLE,
  PREMIUM_SKU,
  plain,
  rolesNow,
  settledRoles,
  snowflake,
  subscriptionText,
} from "./payments-support";

describe("buying from /shop", () => {
  it("shows a Buy button per plan and Discord's premium button for the plan with a SKU", async () => {
    const all = buttons(await command(freshMember("fr"), "/shop"));
    expect(all.find((b) => "custom_id" in b && b.custom_id === "shop-buy:pro")).toMatchObject({
      label: "Acheter Pro",
    });
    expect(all.filter((b) => b.style === ButtonStyle.Premium)).toEqual([
      { type: 2, style: ButtonStyle.Premium, sku_id: PREMIUM_SKU },
    ]);
    // The first test also pays for the Worker's cold start and the database's first connections.
  }, 20_000);

  it("opens a Checkout Session at exactly the promoted price /shop showed, in the member's language", async () => {
    const member = freshMember("fr");
    const shop = data(await command(member, "/shop"));
    const proLine = plain(shop.embeds?.[0]?.fields?.find((f) => f.name === "Pro")?.value ?? "");
    const shown = proLine.match(/\*\*(\d+),(\d\d) €\*\*/);
    expect(shown).not.toBeNull();
    const shownCents = Number(`${shown?.[1]}${shown?.[2]}`);

    const answer = data(await click(member, "shop-buy:pro"));
    expect(answer.flags).toBe(64);
    expect(plain(answer.content ?? "")).toContain(`**Pro** : ${shown?.[1]},${shown?.[2]} € par mois`);
    // Pro gives a role in this server: the member is told it follows the payment.
    expect(answer.content).toContain("Votre rôle arrive dès que le paiement est accepté.");
    const link = buttons({ type: 4, data: answer }).find((b) => b.style === ButtonStyle.Link);
    const url = link && "url" in link ? link.url : "";
    expect(url).toMatch(new RegExp(`^${inject("stripeUrl")}/checkout/cs_test_`));

    const sessionId = url.split("/").at(-1) ?? "";
    const session = (await (await fetch(`${inject("stripeUrl")}/__local/sessions/${sessionId}`)).json()) as {
      amountCents: number;
      currency: string;
      locale: string;
      metadata: Record<string, string>;
    };
    expect(session).toMatchObject({
      amountCents: shownCents,
      currency: "eur",
      locale: "fr",
      metadata: { guild_id: member.guildId, user_id: member.userId, plan_id: "pro" },
    });
  });

  it("promises no role for a plan that gives none", async () => {
    // A server of its own, whose admins made a plan and set no role for it.
    const guildId = snowflake();
    const token = await sessionFor({ userId: "1300000000000000333", guildId }, "admin");
    const created = await api("/plans", {
      method: "POST",
      token,
      body: {
        key: "plain",
        name: "Plain",
        nameFr: "Simple",
        priceCents: 900,
        floorCents: 500,
        currency: "USD",
        duration: "month",
      },
    });
    expect(created.status).toBe(201);
    const member = { ...freshMember("fr"), guildId };
    const answer = data(await click(member, `shop-buy:${String(created.json?.["id"])}`));
    expect(plain(answer.content ?? "")).toContain("**Simple** : 9,00 $US par mois.");
    expect(answer.content).not.toContain("rôle");
  });

  it("sells a lifetime plan once (mode=payment), audits the checkout, and a refund takes the role back", async () => {
    const member = freshMember("fr");
    const answer = data(await click(member, "shop-buy:lifetime"));
    expect(plain(answer.content ?? "")).toContain("**À vie** : 149,00 €, payé une seule fois");
    const link = buttons({ type: 4, data: answer }).find((b) => b.style === ButtonStyle.Link);
    const sessionId = (link && "url" in link ? link.url : "").split("/").at(-1) ?? "";
    const requests = (await (await fetch(`${inject("stripeUrl")}/__local/requests`)).json()) as {
      body: Record<string, string>;
    }[];
    const sent = requests.find((r) => r.body["metadata[user_id]"] === member.userId)?.body ?? {};
    expect(sent).toMatchObject({
      mode: "payment",
      "line_items[0][price_data][unit_amount]": "14900",
      "payment_intent_data[metadata][plan_id]": "lifetime",
    });
    expect(Object.keys(sent).some((key) => key.includes("recurring"))).toBe(false);

    // The checkout audit: who, which plan, at which price, which session.
    const admin = await sessionFor({ userId: "1300000000000000333", guildId: LOCAL_GUILD_ID }, "admin");
    // Two UTC days, not one: a checkout opened just before midnight is read just after it.
    const sales = (await api("/sales?days=2", { token: admin })).json as unknown as {
      recentCheckouts: {
        userId: string;
        planId: string;
        amountCents: number;
        mode: string;
        sessionId: string;
      }[];
    };
    expect(sales.recentCheckouts).toContainEqual(
      expect.objectContaining({
        userId: member.userId,
        planId: "lifetime",
        amountCents: 14900,
        mode: "payment",
        sessionId,
      }),
    );

    // Paid (the events three times over): the role once, and /subscription says it never renews.
    const payment = newPayment({
      id: sessionId,
      metadata: { guild_id: member.guildId, user_id: member.userId, plan_id: "lifetime" },
      amountCents: 14900,
      currency: "eur",
    });
    await deliver(paymentEvents("complete", payment, now()), 3);
    await settledRoles(member, 1);
    expect(await rolesNow(member)).toEqual([LIFETIME_ROLE]);
    expect(await subscriptionText(member)).toMatch(
      /À vie: \*\*Actif\*\*\nÀ vous pour de bon : payé une fois, sans renouvellement\n149,00 €, payé une fois/,
    );
    // The scheduled pass never ends it.
    await runPaymentsPass(env);
    expect(await rolesNow(member)).toEqual([LIFETIME_ROLE]);
    await deliver(paymentEvents("refund", payment, now()));
    await settledRoles(member, 2);
    expect(await rolesNow(member)).toEqual([]);
    expect(await subscriptionText(member)).toContain("À vie: **Terminé**");
  }, 20_000);

  it("refuses a plan that is not for sale, in English", async () => {
    const answer = data(await click(freshMember(), "shop-buy:no-such-plan"));
    expect(answer.content).toBe("This plan is no longer for sale. Open /shop again to see the current ones.");
  });
});

describe("Discord entitlements", () => {
  const entitlement = (member: Member, id: string, extra: Record<string, unknown> = {}) => ({
    id,
    sku_id: PREMIUM_SKU,
    application_id: "1300000000000000001",
    user_id: member.userId,
    guild_id: member.guildId,
    type: 8,
    deleted: false,
    starts_at: new Date().toISOString(),
    ends_at: new Date(Date.now() + 30 * 86_400_000).toISOString(),
    ...extra,
  });

  async function postDiscordEvent(body: unknown, sign = true) {
    const raw = JSON.stringify(body);
    const headers = sign
      ? await discordSignatureHeaders(inject("discordPrivateKey"), raw)
      : { "X-Signature-Ed25519": "00".repeat(64), "X-Signature-Timestamp": String(now()) };
    return exports.default.fetch("https://maxis.test/webhooks/discord", {
      method: "POST",
      headers: { "Content-Type": "application/json", ...headers },
      body: raw,
    });
  }

  it("records the entitlements an interaction carries and grants the plan's role", async () => {
    const member = freshMember("fr");
    const text = await subscriptionText(member, {
      entitlements: [entitlement(member, snowflake())],
    } as never);
    expect(text).toMatch(/Premium: \*\*Actif\*\*\nRenouvellement le <t:\d+:D>\nAcheté dans Discord/);
    await settledRoles(member, 1);
    expect(await rolesNow(member)).toEqual([PREMIUM_ROLE]);
  });

  it("records the entitlements /shop carries and grants the plan's role, and nothing without them", async () => {
    const member = freshMember();
    expect(data(await command(member, "/shop", {})).embeds?.[0]?.title).toBeTruthy();
    const owner = freshMember();
    const shown = data(
      await command(owner, "/shop", { entitlements: [entitlement(owner, snowflake())] } as never),
    );
    expect(shown.embeds?.[0]?.title).toBeTruthy();
    await settledRoles(owner, 1);
    expect(await rolesNow(owner)).toEqual([PREMIUM_ROLE]);
    expect(await rolesNow(member)).toEqual([]);
  });

  it("follows ENTITLEMENT_CREATE and ENTITLEMENT_DELETE webhook events, signed like interactions", async () => {
    const member = freshMember();
    const id = snowflake();
    expect((await postDiscordEvent({ version: 1, type: 0 })).status).toBe(204);
    const created = await postDiscordEvent({
      version: 1,
      application_id: "1300000000000000001",
      type: 1,
      event: {
        type: "ENTITLEMENT_CREATE",
        timestamp: new Date().toISOString(),
        data: entitlement(member, id),
      },
    });
    expect(created.status).toBe(204);
    await settledRoles(member, 1);
    expect(await rolesNow(member)).toEqual([PREMIUM_ROLE]);

    const forged = await postDiscordEvent(
      { version: 1, type: 1, event: { type: "ENTITLEMENT_DELETE", data: entitlement(member, id) } },
      false,
    );
    expect(forged.status).toBe(401);
    expect(await rolesNow(member)).toEqual([PREMIUM_ROLE]);

    const deleted = await postDiscordEvent({
      version: 1,
      type: 1,
      event: {
        type: "ENTITLEMENT_DELETE",
        timestamp: new Date().toISOString(),
        data: entitlement(member, id),
      },
    });
    expect(deleted.status).toBe(204);
    await settledRoles(member, 2);
    expect(await rolesNow(member)).toEqual([]);
    // An update delivered after the deletion does not bring it back.
    await postDiscordEvent({
      version: 1,
      type: 1,
      event: {
        type: "ENTITLEMENT_UPDATE",
        timestamp: new Date().toISOString(),
        data: entitlement(member, id),
      },
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await rolesNow(member)).toEqual([]);
    expect(await subscriptionText(member)).toContain("Premium: **Ended**");
  });
});
