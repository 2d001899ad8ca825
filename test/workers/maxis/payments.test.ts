/**
 * Payments end to end, in the real Workers runtime against the real migrations: /shop → Buy → the
 * Stripe stand-in's Checkout Session → signed webhook events → the ledger → roles on the Discord
 * stand-in; duplicates, reordering, every event type, the grace period, a failed grant retried,
 * reconcile, Discord entitlements, forged webhooks.
 */

import { env, exports } from "cloudflare:workers";
import {
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIInteraction,
  type APIInteractionResponse,
  ButtonStyle,
  InteractionResponseType,
} from "discord-api-types/v10";
import { describe, expect, inject, it } from "vitest";
import { discordSignatureHeaders } from "../../../scripts/lib/ed25519";
import {
  buttonInteraction,
  commandInteraction,
  parseCommandLine,
} from "../../../scripts/lib/interaction-builder";
import { LOCAL_GUILD_ID } from "../../../scripts/lib/local-identities";
import type { RecordedRequest } from "../../../scripts/local-discord/server";
import {
  type LifecycleStep,
  type LocalSubscription,
  lifecycleEvents,
  newPayment,
  newSubscription,
  paymentEvents,
  type StripeEvent,
} from "../../../scripts/local-stripe/events";
import { maxisHandlers } from "../../../src/maxis/commands";
import { runPaymentsPass } from "../../../src/maxis/payments/scheduled";
import { stripeSignatureHeader } from "../../../src/maxis/payments/stripe-signature";
import { controlPath } from "../../../src/shared/control/protocol";
import { signControlRequest } from "../../../src/shared/control/sign";
import { parseControlKeys } from "../../../src/shared/control/verify";
import { sendInteraction } from "../support/discord";
import { api, sessionFor } from "./api-support";

const definitions = maxisHandlers.commands.map((command) => command.data);
/** The seed's plans and their roles (supabase/seed.sql). */
const PRO_ROLE = "1300000000000000072";
const BASIC_ROLE = "1300000000000000071";
const PREMIUM_ROLE = "1300000000000000073";
const PREMIUM_SKU = "1300000000000000081";
const LIFETIME_ROLE = "1300000000000000074";

let counter = 0;
const snowflake = () => String(1_460_000_000_000_000_000n + BigInt(Date.now()) * 1_000n + BigInt(++counter));
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");
const now = () => Math.floor(Date.now() / 1000);

interface Member {
  userId: string;
  guildId: string;
  locale?: string;
}
// Plans belong to a server: members buy the local server's seeded plans, each test as a new member.
const freshMember = (locale = "en-US"): Member => ({ userId: snowflake(), guildId: LOCAL_GUILD_ID, locale });

async function command(member: Member, line: string, extra: Partial<APIInteraction> = {}) {
  const interaction = { ...commandInteraction(member, parseCommandLine(line, definitions)), ...extra };
  return (await sendInteraction(exports.default, interaction as APIInteraction)).response;
}

async function click(member: Member, customId: string) {
  return (await sendInteraction(exports.default, buttonInteraction(member, customId))).response;
}

function data(response: APIInteractionResponse) {
  if (response.type !== InteractionResponseType.ChannelMessageWithSource) throw new Error("no message");
  return response.data ?? {};
}

function buttons(response: APIInteractionResponse): APIButtonComponent[] {
  return ((data(response).components ?? []) as APIActionRowComponent<APIButtonComponent>[]).flatMap(
    (row) => row.components,
  );
}

async function postStripe(body: string, signature?: string, language = "en"): Promise<Response> {
  return exports.default.fetch("https://maxis.test/webhooks/stripe", {
    method: "POST",
    headers: {
      "Content-Type": "application/json",
      "Accept-Language": language,
      "Stripe-Signature": signature ?? (await stripeSignatureHeader(inject("stripeWebhookSecret"), body)),
    },
    body,
  });
}

/** Delivers events as Stripe would (signed, now), each `times` times; returns the answers. */
async function deliver(events: StripeEvent[], times = 1) {
  const answers: { status: number; body: { duplicate?: boolean } }[] = [];
  for (const event of events) {
    for (let i = 0; i < times; i++) {
      const response = await postStripe(JSON.stringify(event));
      answers.push({ status: response.status, body: (await response.json()) as { duplicate?: boolean } });
    }
  }
  return answers;
}

/** The role changes Maxis made for this member (PUT grant, DELETE removal), oldest first. */
async function roleRequests(member: Member): Promise<RecordedRequest[]> {
  const response = await fetch(`${inject("discordLocalUrl")}/__local/requests`);
  const all = (await response.json()) as RecordedRequest[];
  const prefix = `/guilds/${member.guildId}/members/${member.userId}/roles/`;
  return all.filter((request) => request.path.startsWith(prefix));
}

async function rolesNow(member: Member): Promise<string[]> {
  const response = await fetch(
    `${inject("discordLocalUrl")}/__local/guilds/${member.guildId}/members/${member.userId}/roles`,
  );
  return (await response.json()) as string[];
}

/** Role changes run right after the webhook's answer (waitUntil): wait until they settle. */
async function settledRoles(member: Member, expectedRequests: number, timeoutMs = 5_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const requests = await roleRequests(member);
    if (requests.length >= expectedRequests || Date.now() > deadline) return requests;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function subscriptionFor(member: Member, plan = "pro", amountCents = 1039): LocalSubscription {
  return newSubscription(
    {
      id: `cs_test_${snowflake()}`,
      metadata: { guild_id: member.guildId, user_id: member.userId, plan_id: plan },
      amountCents,
      currency: "eur",
    },
    now(),
  );
}

function step(name: LifecycleStep, sub: LocalSubscription, at = now()) {
  return lifecycleEvents(name, sub, at);
}

async function subscriptionText(member: Member, extra: Partial<APIInteraction> = {}): Promise<string> {
  const message = data(await command(member, "/subscription", extra));
  return plain(
    [
      message.content ?? "",
      ...(message.embeds ?? []).flatMap((e) => (e.fields ?? []).map((f) => `${f.name}: ${f.value}`)),
    ].join("\n"),
  );
}

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
    const sales = (await api("/sales?days=1", { token: admin })).json as unknown as {
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

describe("Stripe webhooks", () => {
  it("grants the role once when the checkout's events arrive three times each, and /subscription shows it", async () => {
    const member = freshMember();
    const sub = subscriptionFor(member);
    const answers = await deliver(step("complete", sub).events, 3);
    expect(answers.map((a) => a.status)).toEqual(Array(9).fill(200));
    expect(answers.filter((a) => a.body.duplicate === true)).toHaveLength(6);

    const requests = await settledRoles(member, 1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await roleRequests(member)).map((r) => `${r.method} ${r.path.split("/").at(-1)}`)).toEqual([
      `PUT ${PRO_ROLE}`,
    ]);
    expect(requests[0]?.auditLogReason).toContain("Maxis%20payments");
    expect(await rolesNow(member)).toEqual([PRO_ROLE]);

    const text = await subscriptionText(member);
    expect(text).toMatch(/Pro: \*\*Active\*\*\nRenews <t:\d+:D>\n€10\.39 per period\nPaid with Stripe/);
    expect(
      buttons(await command(member, "/subscription")).find((b) => b.style === ButtonStyle.Link),
    ).toMatchObject({ label: "Manage billing" });
  });

  it("ends in the same state when the events arrive newest first", async () => {
    const member = freshMember("fr");
    const sub = subscriptionFor(member, "basic", 499);
    await deliver([...step("complete", sub).events].reverse());
    await settledRoles(member, 1);
    expect(await rolesNow(member)).toEqual([BASIC_ROLE]);
    expect(await subscriptionText(member)).toMatch(
      /Basique: \*\*Actif\*\*\nRenouvellement le <t:\d+:D>\n4,99 € par période/,
    );
  });

  it("removes the role on a refund, on a dispute and on a cancellation", async () => {
    for (const ending of ["refund", "dispute", "cancel"] as const) {
      const member = freshMember();
      const sub = subscriptionFor(member);
      await deliver(step("complete", sub).events);
      await settledRoles(member, 1);
      await deliver(step(ending, sub).events);
      const requests = await settledRoles(member, 2);
      expect(
        requests.map((r) => r.method),
        ending,
      ).toEqual(["PUT", "DELETE"]);
      expect(await rolesNow(member)).toEqual([]);
      expect(await subscriptionText(member)).toContain("Pro: **Ended**");
    }
  });

  it("a refund delivered before the payment it refunds still ends the plan, and a late renewal does not revive a cancellation", async () => {
    const refunded = freshMember();
    const sub = subscriptionFor(refunded);
    await deliver(step("refund", sub).events);
    await deliver(step("complete", sub).events);
    // Until the invoice names the refunded charge, the subscription looks paid; once it does, it ends.
    await settledRoles(refunded, 2);
    expect(await rolesNow(refunded)).toEqual([]);
    expect(await subscriptionText(refunded)).toContain("Pro: **Ended**");

    const canceled = freshMember();
    const sub2 = subscriptionFor(canceled);
    const renewal = step("renew", sub2, now() - 60).events;
    await deliver(step("complete", sub2, now() - 120).events);
    await deliver(step("cancel", sub2).events);
    await deliver(renewal);
    await settledRoles(canceled, 2);
    expect(await rolesNow(canceled)).toEqual([]);
    expect(await subscriptionText(canceled)).toContain("Pro: **Ended**");
  });

  it("keeps the role through the grace period after a failed payment, and a renewal makes it active again", async () => {
    const member = freshMember();
    const sub = subscriptionFor(member);
    await deliver(step("complete", sub, now() - 20).events);
    await settledRoles(member, 1);
    await deliver(step("fail", sub, now() - 10).events);
    expect(await subscriptionText(member)).toMatch(/Payment failed: access kept until <t:\d+:f>/);
    await deliver(step("renew", sub).events);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await roleRequests(member)).map((r) => r.method)).toEqual(["PUT"]);
    expect(await rolesNow(member)).toEqual([PRO_ROLE]);
    expect(await subscriptionText(member)).toContain("Pro: **Active**");
  });

  it("takes the role back once the grace period runs out without payment (scheduled pass)", async () => {
    const member = freshMember();
    const sub = subscriptionFor(member);
    const graceSeconds = 3 * 86_400;
    await deliver(step("complete", sub, now() - graceSeconds).events);
    await settledRoles(member, 1);
    // Failed 3 days minus 2 seconds ago: still in grace, for 2 more seconds.
    await deliver(step("fail", sub, now() - graceSeconds + 2).events);
    expect(await subscriptionText(member)).toContain("Payment failed");
    expect(await rolesNow(member)).toEqual([PRO_ROLE]);
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    await runPaymentsPass(env);
    expect((await roleRequests(member)).map((r) => r.method)).toEqual(["PUT", "DELETE"]);
    expect(await subscriptionText(member)).toContain("Pro: **Ended**");
  });

  it("retries a role grant Discord refused until it succeeds", async () => {
    const member = freshMember();
    await fetch(`${inject("discordLocalUrl")}/__local/failures`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({
        method: "PUT",
        pathPattern: `/members/${member.userId}/roles/`,
        status: 403,
        body: { message: "Missing Permissions", code: 50013 },
        times: 1,
      }),
    });
    await deliver(step("complete", subscriptionFor(member)).events);
    const first = await settledRoles(member, 1);
    expect(first.map((r) => r.status)).toEqual([403]);
    expect(await rolesNow(member)).toEqual([]);
    // The first retry is due 5 s later; the scheduled pass makes it.
    await new Promise((resolve) => setTimeout(resolve, 5_200));
    await runPaymentsPass(env);
    expect((await roleRequests(member)).map((r) => r.status)).toEqual([403, 204]);
    expect(await rolesNow(member)).toEqual([PRO_ROLE]);
  }, 15_000);

  it("reconcile gives back a role removed by hand", async () => {
    const member = freshMember();
    await deliver(step("complete", subscriptionFor(member)).events);
    await settledRoles(member, 1);
    // A moderator removes the role in Discord.
    await fetch(
      `${inject("discordLocalUrl")}/api/v10/guilds/${member.guildId}/members/${member.userId}/roles/${PRO_ROLE}`,
      { method: "DELETE", headers: { Authorization: "Bot moderator" } },
    );
    expect(await rolesNow(member)).toEqual([]);
    await runPaymentsPass(env);
    expect(await rolesNow(member)).toEqual([PRO_ROLE]);
    // Maxis's grant, the moderator's removal, the repair.
    expect((await roleRequests(member)).map((r) => r.method)).toEqual(["PUT", "DELETE", "PUT"]);
  });

  it("refuses a forged or stale event with 400 and changes nothing", async () => {
    const member = freshMember();
    const [checkout] = step("complete", subscriptionFor(member)).events.filter(
      (e) => e.type === "checkout.session.completed",
    );
    const body = JSON.stringify(checkout);
    const forged = await postStripe(body, `t=${now()},v1=${"ab".repeat(32)}`, "fr");
    expect(forged.status).toBe(400);
    expect(await forged.json()).toEqual({
      error: {
        code: "invalid_signature",
        message: "La signature du webhook est absente, invalide ou trop ancienne.",
      },
    });
    const wrongSecret = await postStripe(body, await stripeSignatureHeader("whsec_someone_else", body));
    expect(wrongSecret.status).toBe(400);
    const stale = await postStripe(
      body,
      await stripeSignatureHeader(inject("stripeWebhookSecret"), body, now() - 301),
    );
    expect(stale.status).toBe(400);
    const unsigned = await exports.default.fetch("https://maxis.test/webhooks/stripe", {
      method: "POST",
      body,
    });
    expect(unsigned.status).toBe(400);
    // Signed correctly but with a changed body: the signature covers the bytes.
    const tampered = await postStripe(
      body.replace(member.userId, snowflake()),
      await stripeSignatureHeader(inject("stripeWebhookSecret"), body),
    );
    expect(tampered.status).toBe(400);

    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await roleRequests(member)).toEqual([]);
    expect(await subscriptionText(member)).toBe(
      "You have no plan in this server. /shop lists what is for sale.",
    );
    // The same event, signed properly, is then accepted: nothing of it had been stored.
    expect((await postStripe(body)).status).toBe(200);
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
