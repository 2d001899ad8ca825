/**
 * The ticket page's assignee picker in a real browser (issue 11 §4): it lists the server's staff-role
 * holders from Discord (the stand-in's member list), including someone who never handled a ticket;
 * searching narrows it; picking one assigns the ticket; a refusal shows in the reader's language; and
 * nothing trips the Content-Security-Policy.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { LOCAL_STAFF_ROLE_ID } from "../../scripts/lib/local-identities";
import { snowflake } from "../support/snowflake";
import { DESKTOP, launchChromium, screenshot, signIn, watchCsp } from "./support/browser";
import { openTicketAsMember } from "./support/seed";

const stack = inject("browserStack");
const tag = Date.now().toString(36);
const newcomer = { id: snowflake(), name: `Nina Newcomer ${tag}` };
const outsider = { id: snowflake(), name: `Paul Outsider ${tag}` };
let browser: Browser;
let first: number;
let second: number;

async function declareMember(person: { id: string; name: string }, roles: string[]) {
  const res = await fetch(`${stack.discordLocalUrl}/__local/members`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ guild_id: stack.guildId, user_id: person.id, roles, name: person.name }),
  });
  expect(res.status).toBe(204);
}

beforeAll(async () => {
  browser = await launchChromium();
  await declareMember(newcomer, [LOCAL_STAFF_ROLE_ID]);
  await declareMember(outsider, []);
  const owner = snowflake();
  const open = async (subject: string) =>
    (await openTicketAsMember(owner, { subject: `${subject} ${tag}`, description: "Help please" })).number;
  first = await open("Cannot log in");
  second = await open("Lost my role");
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

const openTicket = async (page: Page, number: number) => {
  await page.goto(`${stack.dashboardUrl}#/tickets/${number}`);
  await page.getByRole("heading", { level: 1 }).waitFor();
};

describe("the assignee picker", () => {
  it("lists a staff member who never handled a ticket, finds them by name, and assigns them", async () => {
    const context = await browser.newContext({ viewport: DESKTOP, locale: "en-US" });
    const csp = await watchCsp(context);
    const page = await context.newPage();
    await signIn(page, /Alex Martin/);
    await csp.until(page.getByRole("heading", { name: "Inbox" }).waitFor());
    await csp.until(openTicket(page, first));

    const search = page.getByRole("combobox", { name: "Assign to" });
    await search.click();
    const options = page.getByRole("listbox", { name: "Assign to" });
    await options.getByRole("option", { name: newcomer.name }).waitFor();
    await screenshot(page, "ticket-assignee-picker");
    // Only people who may take the ticket: the seeded staff member is there, a plain member is not.
    expect(await options.getByRole("option", { name: "Alex Martin" }).count()).toBe(1);
    expect(await options.getByRole("option", { name: outsider.name }).count()).toBe(0);

    await search.fill("nina newc");
    await expect.poll(() => options.getByRole("option").count()).toBe(1);
    await options.getByRole("option", { name: newcomer.name }).waitFor();
    await search.press("Enter");
    await page.getByRole("status").getByText("Assignee updated").waitFor();
    await expect.poll(() => page.getByLabel("Assignee", { exact: true }).textContent()).toBe(newcomer.name);
    const history = page.getByRole("region", { name: "History" });
    await history.getByText(new RegExp(`assigned it to ${newcomer.name}`)).waitFor();

    // It held: read again from Maxis.
    await page.reload();
    await expect.poll(() => page.getByLabel("Assignee", { exact: true }).textContent()).toBe(newcomer.name);
    expect(csp.violations).toEqual([]);
    await context.close();
  });

  it("works in French, and says in French why a closed ticket cannot be reassigned", async () => {
    const context = await browser.newContext({ viewport: DESKTOP, locale: "fr-FR" });
    const csp = await watchCsp(context);
    const page = await context.newPage();
    await signIn(page, /Alex Martin/);
    await csp.until(page.getByRole("heading", { name: "Boîte de réception" }).waitFor());
    await csp.until(openTicket(page, second));

    const search = page.getByRole("combobox", { name: "Assigner à" });
    await search.click();
    const options = page.getByRole("listbox", { name: "Assigner à" });
    await options.getByRole("option", { name: newcomer.name }).click();
    await page.getByRole("status").getByText("Assignation mise à jour").waitFor();
    await expect.poll(() => page.getByLabel("Assigné à", { exact: true }).textContent()).toBe(newcomer.name);

    await search.fill("personne de ce nom");
    await page.getByText("Personne pouvant prendre ce ticket ne correspond.").waitFor();

    await page.getByRole("button", { name: "Fermer le ticket" }).click();
    await page.getByRole("button", { name: "Fermer le ticket" }).click();
    await page.getByRole("button", { name: "Rouvrir le ticket" }).waitFor();
    await search.fill("");
    await search.click();
    await options.getByRole("option", { name: "Personne (retirer l'assignation)" }).click();
    await page.getByRole("status").getByText(`Le ticket #${second} est fermé. Rouvrez-le d'abord.`).waitFor();
    expect(csp.violations).toEqual([]);
    await context.close();
  });
});
