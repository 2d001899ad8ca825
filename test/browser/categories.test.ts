/**
 * A server's own ticket categories on the Settings page, in a real browser against the real stack:
 * an administrator adds a category (in English, then in French with a refusal in French), moves it
 * up, turns it off; the inbox's category filter and a ticket name it with its label; nothing trips
 * the Content-Security-Policy.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { DESKTOP, launchChromium, screenshot, signIn, watchCsp } from "./support/browser";

const stack = inject("browserStack");
const tag = Date.now().toString(36);
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

interface Category {
  key: string;
  labelEn: string;
  labelFr: string;
  enabled: boolean;
}

const categoriesOf = async (page: Page) =>
  page.evaluate(async (url) => {
    const res = await fetch(url, { credentials: "include" });
    return ((await res.json()) as { categories: Category[] }).categories;
  }, `${stack.maxisUrl}/api/v1/settings`);

describe("Settings page: ticket categories", () => {
  it("an administrator adds a category, moves it up and turns it off; the inbox filter offers it", async () => {
    const context = await browser.newContext({ viewport: DESKTOP, locale: "en-US" });
    const csp = await watchCsp(context);
    const page = await context.newPage();
    await signIn(page, /Sam Leroy/);
    await csp.until(page.getByRole("heading", { name: "Inbox" }).waitFor());
    await page.getByRole("link", { name: "Settings" }).click();
    await csp.until(page.getByRole("heading", { name: "Settings", level: 1 }).waitFor());

    const section = page.getByRole("region", { name: "Ticket categories" });
    const add = section.getByRole("form", { name: "Add a category" });
    const name = `Events ${tag}`;
    await add.getByLabel("Name (English)").fill(name);
    await add.getByLabel("Name (French)").fill(`Événements ${tag}`);
    await add.getByLabel("Emoji").fill("🎉");
    await add.getByRole("button", { name: "Add the category" }).click();
    await page.getByRole("status").getByText(`${name} added.`).first().waitFor();
    const names = () => section.locator(".category-name").allTextContents();
    await expect.poll(async () => (await names()).at(-1)).toBe(name);
    const added = (await categoriesOf(page)).at(-1);
    expect(added).toMatchObject({ key: `events-${tag}`, labelFr: `Événements ${tag}`, enabled: true });
    // The form is empty again, ready for the next one.
    expect(await add.getByLabel("Name (English)").inputValue()).toBe("");

    // Up one: the whole order is saved at once.
    await section.getByRole("button", { name: `Move ${name} up` }).click();
    await expect.poll(async () => (await names()).at(-2)).toBe(name);
    expect((await categoriesOf(page)).at(-2)?.key).toBe(`events-${tag}`);
    await screenshot(page, "dashboard-settings-categories");

    // The inbox filter names it with its label.
    await page.getByRole("link", { name: "Inbox" }).click();
    const filter = page.getByLabel("Category", { exact: true });
    await filter.selectOption({ label: name });
    await expect.poll(() => page.url()).toContain(`category=events-${tag}`);

    // Turned off: it stays listed, marked, and keeps its tickets.
    await page.getByRole("link", { name: "Settings" }).click();
    await section.getByRole("button", { name: `Edit ${name}` }).click();
    const editor = page.getByRole("form", { name: `Edit ${name}` });
    await editor.getByLabel("Members can open tickets in it").uncheck();
    await editor.getByRole("button", { name: `Save ${name}` }).click();
    await section.locator(".category.off .category-name").getByText(name).waitFor();
    expect((await categoriesOf(page)).find((c) => c.key === `events-${tag}`)?.enabled).toBe(false);
    expect(csp.violations).toEqual([]);
    await context.close();
  });

  it("in French: adds a category, and says in French what is missing", async () => {
    const context = await browser.newContext({ viewport: DESKTOP, locale: "fr-FR" });
    const csp = await watchCsp(context);
    const page = await context.newPage();
    await signIn(page, /Sam Leroy/);
    await page.getByRole("link", { name: "Réglages" }).click();
    await csp.until(page.getByRole("heading", { name: "Réglages", level: 1 }).waitFor());
    const section = page.getByRole("region", { name: "Catégories de tickets" });
    const add = section.getByRole("form", { name: "Ajouter une catégorie" });
    await add.getByLabel("Nom (anglais)").fill(`Partners ${tag}`);
    await add.getByRole("button", { name: "Ajouter la catégorie" }).click();
    await add.getByRole("alert").getByText("Le nom d'une catégorie").waitFor();
    await add.getByLabel("Nom (français)").fill(`Partenaires ${tag}`);
    await add.getByRole("button", { name: "Ajouter la catégorie" }).click();
    await page.getByRole("status").getByText(`Partenaires ${tag} ajoutée.`).first().waitFor();
    await expect
      .poll(async () => (await section.locator(".category-name").allTextContents()).at(-1))
      .toBe(`Partenaires ${tag}`);
    expect(csp.violations).toEqual([]);
    await context.close();
  });
});
