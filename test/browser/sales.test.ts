/**
 * The sales page and a plan's Discord role and SKU in a real browser(), against the real stack: Stripe
 * events (signed as Stripe signs them) reach Maxis, the server's admin reads revenue by plan and by
 * promotion, running entitlements and failed payments, in English and in French; on the Plans page
 * they give a plan a role of the server (listed from Discord) and a SKU, and a bad SKU is refused.
 * Agents see neither; nothing trips the Content-Security-Policy.
 */

import { describe, expect, inject, it } from "vitest";
import { LOCAL_MEMBER_ID, LOCAL_OTHER_MEMBER_ID } from "../../scripts/lib/local-identities";
import { lifecycleEvents, newSubscription } from "../../scripts/local-stripe/events";
import { stripeSignatureHeader } from "../../src/maxis/payments/stripe-signature";
import { apiFromPage, launchedBrowser, PHONE, screenshot, signedIn } from "./support/browser";

const stack = inject("browserStack");
const tag = Date.now().toString(36);
const browser = launchedBrowser();

async function deliver(events: { id: string }[]) {
  for (const event of events) {
    const body = JSON.stringify(event);
    const res = await fetch(`${stack.maxisUrl}/webhooks/stripe`, {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        "Stripe-Signature": await stripeSignatureHeader(
          process.env["TEST_STRIPE_WEBHOOK_SECRET"] ?? "",
          body,
        ),
      },
      body,
    });
    expect(res.status).toBe(200);
  }
}

/**
 * Camille buys the browser server's plan (USD 9.00); Jordan's renewal fails a second later. All of it a
 * minute ago: the page reads the window up to the database's `now()`, so a failure dated even a second
 * after that read is not in it, nor on the page until its next poll a minute later (CI saw exactly this).
 * Stripe's own events are dated when they happen, before they are delivered, so only a test can date
 * one in the future of the read.
 */
async function seedSales() {
  const now = Math.floor(Date.now() / 1000) - 60;
  const sub = (userId: string) =>
    newSubscription(
      {
        id: `cs_test_${tag}${userId.slice(-3)}`,
        metadata: { guild_id: stack.guildId, user_id: userId, plan_id: "other-pro" },
        amountCents: 900,
        currency: "usd",
      },
      now,
    );
  const camille = sub(LOCAL_MEMBER_ID);
  await deliver(lifecycleEvents("complete", camille, now).events);
  const jordan = sub(LOCAL_OTHER_MEMBER_ID);
  await deliver(lifecycleEvents("complete", jordan, now).events);
  await deliver(lifecycleEvents("fail", jordan, now + 1).events);
}

describe("Sales page", () => {
  it("shows the server's admin revenue by plan and promotion, what runs and what failed; no CSP violation", async () => {
    await seedSales();
    const { context, csp, page } = await signedIn(browser(), /Sam Leroy/);
    await page.getByRole("link", { name: "Sales" }).click();
    await csp.until(page.getByRole("heading", { name: "Sales", level: 1 }).waitFor());

    const byPlan = page.getByRole("region", { name: /Revenue by plan, per day/ });
    await byPlan.getByRole("img", { name: /Revenue by plan, per day/ }).waitFor();
    const planRow = byPlan.getByRole("row", { name: /Other server Pro/ });
    await planRow.waitFor();
    // Integer cents, shown as the reader's locale writes dollars.
    expect(await planRow.textContent()).toMatch(/\$\d+\.00/);
    const byPromotion = page.getByRole("region", { name: /Revenue by promotion, per day/ });
    await byPromotion.getByRole("row", { name: /List price/ }).waitFor();
    const failed = page.getByRole("region", { name: "Failed payments" });
    await failed.getByRole("row", { name: /Jordan Lee.*Other server Pro.*\$9\.00.*In grace/ }).waitFor();
    await page.getByText(/renewing · \d+ in grace/).waitFor();
    await screenshot(page, "dashboard-sales-desktop");

    await page.setViewportSize(PHONE);
    await screenshot(page, "dashboard-sales-phone");
    expect(csp.violations).toEqual([]);
    await context.close();
  });

  it("is in French for a French reader, amounts written the French way", async () => {
    const { context, page } = await signedIn(browser(), /Sam Leroy/, "fr-FR");
    await page.getByRole("link", { name: "Ventes" }).click();
    await page.getByRole("heading", { name: "Ventes", level: 1 }).waitFor();
    const failed = page.getByRole("region", { name: "Paiements refusés" });
    await failed.getByRole("row", { name: /Jordan Lee.*9,00\s\$US.*En délai de grâce/ }).waitFor();
    await page.getByText("Chiffre d'affaires", { exact: true }).first().waitFor();
    await context.close();
  });

  it("is not offered to agents, and the API refuses them", async () => {
    const { context, page } = await signedIn(browser(), /Alex Martin/);
    expect(await page.getByRole("link", { name: "Sales" }).count()).toBe(0);
    const answer = await apiFromPage(page, `/api/v1/sales`);
    expect(answer).toMatchObject({ status: 403, body: { error: { code: "admin_only" } } });
    await context.close();
  });
});

describe("A plan's Discord role and SKU", () => {
  it("an admin picks a role of the server and sets a SKU; a bad SKU is refused; the history says so", async () => {
    const roleId = `13000000000${Date.now().toString().slice(-8)}`;
    await fetch(`${stack.discordLocalUrl}/__local/guilds/${stack.guildId}/roles`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ id: roleId, name: `VIP ${tag}` }),
    });
    const { context, csp, page } = await signedIn(browser(), /Sam Leroy/);
    await page.getByRole("link", { name: "Plans" }).click();
    await page.getByRole("link", { name: /Other server Pro/ }).click();
    const discord = page.getByRole("form", { name: "Discord" });
    await discord.waitFor();
    await expect.poll(() => discord.getByRole("option", { name: `VIP ${tag}` }).count()).toBe(1);

    await discord.getByLabel("Role granted").selectOption({ label: `VIP ${tag}` });
    await discord.getByLabel("Discord SKU id").fill("not-a-sku");
    await discord.getByRole("button", { name: "Apply role and SKU" }).click();
    await discord
      .getByRole("alert")
      .getByText("A SKU is a Discord id (17 to 20 digits), or empty.")
      .waitFor();

    const sku = `14000000000${Date.now().toString().slice(-8)}`;
    await discord.getByLabel("Discord SKU id").fill(sku);
    await discord.getByRole("button", { name: "Apply role and SKU" }).click();
    const history = page.getByRole("region", { name: "History" });
    await history.getByText(/Sam Leroy \(you\) edited Role granted, Discord SKU id/).waitFor();
    // Reopened from the server: the choice stuck.
    await page.reload();
    await expect.poll(() => page.getByLabel("Role granted").inputValue()).toBe(roleId);
    await expect.poll(() => page.getByLabel("Discord SKU id").inputValue()).toBe(sku);
    await screenshot(page, "dashboard-plan-discord-desktop");
    expect(csp.violations).toEqual([]);
    await context.close();
  });
});
