/**
 * The Settings page in a real browser(), against the real stack: a server administrator edits a
 * category's form questions, adds a canned reply and uses it from a ticket's reply box with `/`,
 * switches to another server they staff (a new session, checked with Discord), and reads the page in
 * French; nothing trips the Content-Security-Policy.
 */

import { beforeAll, describe, expect, inject, it } from "vitest";
import { LOCAL_MEMBER_ID } from "../../scripts/lib/local-identities";
import { localGuildName } from "../../scripts/local-discord/guild-directory-routes";
import { snowflake } from "../support/snowflake";
import {
  apiFromPage,
  DESKTOP,
  launchedBrowser,
  screenshot,
  signedIn,
  signIn,
  watchCsp,
} from "./support/browser";
import { openTicketAsMember } from "./support/seed";

const stack = inject("browserStack");
const tag = Date.now().toString(36);
const otherServer = snowflake();
const browser = launchedBrowser();
let ticketNumber: number;

beforeAll(async () => {
  // A second server with Maxis in it, where the seeded administrator is an administrator too.
  const added = await fetch(`${stack.discordLocalUrl}/__local/guilds`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ id: otherServer }),
  });
  expect(added.status).toBe(204);
  ticketNumber = (
    await openTicketAsMember(LOCAL_MEMBER_ID, {
      subject: `Refund please ${tag}`,
      description: "Where is it?",
    })
  ).number;
}, 60_000);

describe("Settings page", () => {
  it("an administrator edits a category's questions, adds a canned reply, uses it, and switches server", async () => {
    const { context, csp, page } = await signedIn(browser(), /Sam Leroy/);
    await page.getByRole("link", { name: "Settings" }).click();
    await csp.until(page.getByRole("heading", { name: "Settings", level: 1 }).waitFor());
    // The role pickers list the server's roles as Discord gives them to Maxis.
    const supportRole = page
      .getByRole("region", { name: "General" })
      .getByRole("checkbox", { name: "Support" });
    expect(await supportRole.isChecked()).toBe(true);

    // A category's form: two questions, one a paragraph and optional.
    const categories = page.getByRole("region", { name: "Ticket categories" });
    await categories.getByRole("button", { name: "Edit Billing" }).click();
    const editor = page.getByRole("form", { name: "Edit Billing" });
    await editor.getByRole("button", { name: "Add a question" }).click();
    await editor.getByLabel("Question 1").fill(`Order number ${tag}`);
    await editor.getByLabel("Example answer").first().fill("ORD-1234");
    await editor.getByRole("button", { name: "Add a question" }).click();
    await editor.getByLabel("Question 2").fill("What happened?");
    await editor.getByLabel("Answer", { exact: true }).nth(1).selectOption("paragraph");
    await editor.getByLabel("Required", { exact: true }).nth(1).uncheck();
    await editor.getByLabel("Name (French)").fill(`Facturation ${tag}`);
    await editor.getByRole("button", { name: "Save Billing" }).click();
    await page.getByRole("status").getByText("Saved.").first().waitFor();
    const saved = await apiFromPage(page, "/api/v1/settings");
    const billing = (
      saved.body as { categories: { key: string; labelFr: string; questions: unknown[] }[] }
    ).categories.find((c) => c.key === "billing");
    expect(billing).toMatchObject({
      labelFr: `Facturation ${tag}`,
      questions: [
        { label: `Order number ${tag}`, placeholder: "ORD-1234", style: "short", required: true },
        { label: "What happened?", placeholder: null, style: "paragraph", required: false },
      ],
    });
    // Reordering: Billing moves above General.
    await categories.getByRole("button", { name: "Move Billing up" }).click();
    await expect
      .poll(async () => (await categories.locator(".category-name").allTextContents()).slice(0, 2))
      .toEqual(["Billing", "General"]);

    // A canned reply, in both languages, with variables.
    const snippets = page.getByRole("region", { name: "Canned replies" });
    await snippets.getByRole("button", { name: "New canned reply" }).click();
    const form = page.getByRole("form", { name: "New canned reply" });
    await form.getByLabel("Name").fill(`Refund ${tag}`);
    await form
      .getByLabel("English text")
      .fill("Hello {member}, ticket {ticket} is refunded. {agent}, {server}. {other}");
    await form.getByLabel("French text").fill("Bonjour {member}, le ticket {ticket} est remboursé.");
    await form.getByRole("button", { name: "Add" }).click();
    await snippets.getByText(`Refund ${tag}`, { exact: true }).waitFor();
    await screenshot(page, "dashboard-settings-desktop");

    // In a ticket's reply box: "/" and part of the name, Enter puts it in, variables filled in.
    await page.goto(`${stack.dashboardUrl}#/tickets/${ticketNumber}`);
    const box = page.getByLabel("Reply", { exact: true });
    await box.fill(`/refund ${tag}`);
    await page.getByRole("option", { name: new RegExp(`Refund ${tag}`) }).waitFor();
    await box.press("Enter");
    await expect
      .poll(() => box.inputValue())
      .toBe(
        `Hello Camille Dubois, ticket #${ticketNumber} is refunded. Sam Leroy, ${localGuildName(stack.guildId)}. {other}`,
      );

    // The switcher: another server, a new session there; this server's canned replies are not there.
    const switcher = page.getByLabel("Server", { exact: true });
    await switcher.waitFor();
    await switcher.selectOption(otherServer);
    await csp.until(page.getByText(`You are now on ${localGuildName(otherServer)}.`).waitFor());
    await page.getByRole("heading", { name: "Inbox" }).waitFor();
    const session = await apiFromPage(page, "/auth/session");
    expect(session.body).toMatchObject({ guildId: otherServer, appRole: "admin" });
    const cookies = await context.cookies(stack.maxisUrl);
    expect(cookies.find((c) => c.name === "maxis_session")).toMatchObject({
      httpOnly: true,
      secure: true,
      sameSite: "Strict",
    });
    expect(await page.getByLabel("Server", { exact: true }).inputValue()).toBe(otherServer);
    await page.getByRole("link", { name: "Settings" }).click();
    await page.getByRole("region", { name: "Canned replies" }).getByText("No canned replies yet.").waitFor();
    const other = await apiFromPage(page, "/api/v1/snippets");
    expect(JSON.stringify(other.body)).not.toContain(tag);

    expect(csp.violations).toEqual([]);
    await context.close();
  });

  it("speaks French, with the database's refusals in French, and agents only read", async () => {
    const context = await browser().newContext({ viewport: DESKTOP, locale: "fr-FR" });
    const csp = await watchCsp(context);
    const page = await context.newPage();
    await signIn(page, /Sam Leroy/);
    await page.getByRole("link", { name: "Réglages" }).click();
    await csp.until(page.getByRole("heading", { name: "Réglages", level: 1 }).waitFor());
    const snippets = page.getByRole("region", { name: "Réponses types" });
    await snippets.getByRole("button", { name: "Nouvelle réponse type" }).click();
    const form = page.getByRole("form", { name: "Nouvelle réponse type" });
    await form.getByLabel("Nom").fill(`Vide ${tag}`);
    await form.getByRole("button", { name: "Ajouter" }).click();
    await form
      .getByRole("alert")
      .getByText("Écrivez le texte anglais, le texte français, ou les deux.")
      .waitFor();
    await screenshot(page, "dashboard-settings-fr");
    expect(csp.violations).toEqual([]);
    await context.close();

    const agentContext = await browser().newContext({ viewport: DESKTOP, locale: "en-US" });
    const agent = await agentContext.newPage();
    await signIn(agent, /Alex Martin/);
    await agent.getByRole("link", { name: "Settings" }).click();
    await agent
      .getByText("Only the server's admins (Administrator or Manage Server) can change these.")
      .waitFor();
    expect(await agent.getByRole("button", { name: "New canned reply" }).count()).toBe(0);
    const refused = await agent.evaluate(async (url) => {
      const res = await fetch(url, {
        method: "POST",
        credentials: "include",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ name: "Mine", bodyEn: "x", bodyFr: "" }),
      });
      return { status: res.status, body: await res.json() };
    }, `${stack.maxisUrl}/api/v1/snippets`);
    expect(refused).toEqual({
      status: 403,
      body: {
        error: {
          code: "admin_only",
          message: "Only the server's admins (Administrator or Manage Server) can change canned replies.",
        },
      },
    });
    await agentContext.close();
  });
});
