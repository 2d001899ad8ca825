/**
 * One plan is bought and billed once: the Buy button refuses a plan the member already has (from
 * Stripe or Discord), opens new checkouts on the member's existing Stripe customer, and a new checkout
 * for a plan expires the member's previous one, so two checkouts can never both be paid.
 */
import { ButtonStyle } from "discord-api-types/v10";
import { describe, expect, inject, it } from "vitest";
import { newSubscription } from "../../../scripts/local-stripe/events";
import {
  buttons,
  click,
  data,
  deliver,
  freshMember,
  type Member,
  now,
  PREMIUM_SKU,
  plain,
  snowflake,
  step,
  stripeRequests,
  subscriptionFor,
} from "./payments-support";

const stripeUrl = () => inject("stripeUrl");

/** Clicks Buy and returns the Checkout Session id of the link it answered with ("" when none). */
async function buy(member: Member, plan: string): Promise<{ text: string; sessionId: string }> {
  const answer = data(await click(member, `shop-buy:${plan}`));
  const link = buttons({ type: 4, data: answer }).find((b) => b.style === ButtonStyle.Link);
  const url = link && "url" in link ? link.url : "";
  return { text: plain(answer.content ?? ""), sessionId: url.split("/checkout/")[1] ?? "" };
}

const sessionStatus = async (id: string) =>
  ((await (await fetch(`${stripeUrl()}/__local/sessions/${id}`)).json()) as { status: string }).status;
const pay = (id: string) => fetch(`${stripeUrl()}/__local/checkout/${id}/complete`, { method: "POST" });
/** What Maxis sent to open this member's checkouts. */
const checkoutBodies = async (member: Member) =>
  (await stripeRequests())
    .filter((r) => r.path === "/v1/checkout/sessions" && r.body["metadata[user_id]"] === member.userId)
    .map((r) => r.body);

describe("buying a plan once", () => {
  it("refuses a plan the member already has from Stripe, in French, and sends them to /subscription", async () => {
    const member = freshMember("fr");
    await deliver(step("complete", subscriptionFor(member)).events);
    const { text, sessionId } = await buy(member, "pro");
    expect(sessionId).toBe("");
    expect(text).toBe(
      "Vous avez déjà l'offre **Pro** sur ce serveur. /subscription montre son état et ouvre la facturation.",
    );
    expect(await checkoutBodies(member)).toEqual([]);
  });

  it("refuses a plan the member has from Discord, in English", async () => {
    const member = freshMember();
    const entitlement = {
      id: snowflake(),
      sku_id: PREMIUM_SKU,
      application_id: "1300000000000000001",
      user_id: member.userId,
      guild_id: member.guildId,
      type: 8,
      deleted: false,
      starts_at: new Date().toISOString(),
      ends_at: new Date(Date.now() + 86_400_000).toISOString(),
    };
    const answer = data(await click(member, "shop-buy:premium", { entitlements: [entitlement] } as never));
    expect(plain(answer.content ?? "")).toBe(
      "You already have **Premium** in this server. /subscription shows it and opens your billing.",
    );
    expect(await checkoutBodies(member)).toEqual([]);
  });

  it("opens the checkout of another plan on the member's existing Stripe customer", async () => {
    const member = freshMember();
    const basic = subscriptionFor(member, "basic", 499);
    await deliver(step("complete", basic).events);
    expect((await buy(member, "pro")).sessionId).toMatch(/^cs_test_/);
    expect((await buy(member, "lifetime")).sessionId).toMatch(/^cs_test_/);
    const [pro, lifetime] = await checkoutBodies(member);
    expect(pro).toMatchObject({ mode: "subscription", customer: basic.customer });
    expect(lifetime).toMatchObject({ mode: "payment", customer: basic.customer });
    expect(lifetime).not.toHaveProperty("customer_creation");
  });

  it("expires the member's previous checkout for the plan when they open a new one: only the last can be paid", async () => {
    const member = freshMember();
    const first = await buy(member, "pro");
    const second = await buy(member, "pro");
    expect(first.sessionId).toMatch(/^cs_test_/);
    expect(second.sessionId).toMatch(/^cs_test_/);
    expect(await sessionStatus(first.sessionId)).toBe("expired");
    expect((await pay(first.sessionId)).status).toBe(409);
    expect((await pay(second.sessionId)).status).toBe(200);

    // Two clicks at the same moment: one link can be paid, never two.
    const racer = freshMember();
    const both = await Promise.all([buy(racer, "basic"), buy(racer, "basic")]);
    const statuses = await Promise.all(both.map((b) => sessionStatus(b.sessionId)));
    expect(statuses.filter((s) => s === "open")).toHaveLength(1);
  });

  it("refuses when the previous checkout was paid a moment ago, before Stripe's events arrived", async () => {
    const member = freshMember();
    const first = await buy(member, "pro");
    expect((await pay(first.sessionId)).status).toBe(200);
    // The ledger knows nothing yet (the stand-in's events go nowhere in tests): Stripe says it is paid.
    const again = await buy(member, "pro");
    expect(again.sessionId).toBe("");
    expect(again.text).toContain("You already have **Pro** in this server.");
    expect(await checkoutBodies(member)).toHaveLength(2);
    // Maxis tried to expire the previous checkout; Stripe answered that it was paid.
    const expired = (await stripeRequests()).filter((r) => r.path.endsWith("/expire"));
    expect(expired.filter((r) => r.path.includes(first.sessionId))).toHaveLength(1);
  });

  it("sells the plan again once it ended: a paid checkout the ledger knows is not mistaken for a new payment", async () => {
    const member = freshMember();
    const first = await buy(member, "pro");
    expect((await pay(first.sessionId)).status).toBe(200);
    const metadata = { guild_id: member.guildId, user_id: member.userId, plan_id: "pro" };
    const sub = newSubscription({ id: first.sessionId, metadata, amountCents: 1039, currency: "eur" }, now());
    await deliver(step("complete", sub).events);
    await deliver(step("refund", sub).events);
    const again = await buy(member, "pro");
    expect(again.sessionId).toMatch(/^cs_test_/);
    expect(await sessionStatus(again.sessionId)).toBe("open");
  });
});
