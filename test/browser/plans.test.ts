/**
 * The Plans page in a real browser(), against the real stack: a server administrator creates a plan,
 * gets a localized refusal for a bad price, edits it, archives it, and /shop follows; agents never see
 * the page; nothing trips the Content-Security-Policy.
 */

import { describe, expect, it } from "vitest";
import { LOCAL_MEMBER_ID } from "../../scripts/lib/local-identities";
import { apiFromPage, launchedBrowser, screenshot, signedIn } from "./support/browser";
import { maxisAnswer } from "./support/interactions";

const tag = Date.now().toString(36);
const key = `pro-${tag}`;

const browser = launchedBrowser();

/** /shop as a member of the browser tests' server sees it, in `locale`. */
const shopText = (locale: string) => maxisAnswer("/shop", { userId: LOCAL_MEMBER_ID, locale });

describe("Plans page", () => {
  it("an administrator creates, fixes, edits and archives a plan; /shop follows; no CSP violation", async () => {
    const { context, csp, page } = await signedIn(browser(), /Sam Leroy/);
    await page.getByRole("link", { name: "Plans" }).click();
    await csp.until(page.getByRole("heading", { name: "Plans", level: 1 }).waitFor());

    await page.getByRole("link", { name: "New plan" }).click();
    await page.getByLabel("Key").fill(key);
    await page.getByLabel("Name (English)").fill(`Gold ${tag}`);
    await page.getByLabel("Name (French)").fill(`Or ${tag}`);
    await page.getByLabel("Description (English)").fill("Everything, for a year.");
    await page.getByLabel("Price, in cents", { exact: true }).fill("0");
    await page.getByLabel("Duration").selectOption("year");
    await page.getByRole("button", { name: "Create plan" }).click();
    // The database's refusal, in the reader's language, and nothing created.
    await page
      .getByRole("alert")
      .getByText("The price is a whole number of cents, from 1 to 100,000,000.")
      .waitFor();

    await page.getByLabel("Price, in cents", { exact: true }).fill("4999");
    await expect.poll(() => page.locator("#plan-price-preview").textContent()).toBe("= €49.99");
    await page.getByLabel("Lowest promoted price, in cents").fill("2999");
    await page.getByRole("button", { name: "Create plan" }).click();
    await csp.until(page.getByRole("heading", { name: `Edit Gold ${tag}` }).waitFor());
    const list = page.getByRole("region", { name: "Plans of this server" });
    await list
      .getByRole("link", { name: new RegExp(`Gold ${tag}.*${key}.*€49\\.99 / year.*On sale`) })
      .waitFor();
    expect(await shopText("fr")).toContain(`Or ${tag}`);

    // Edit: price and name; the history says who changed what.
    await page.getByLabel("Price, in cents", { exact: true }).fill("3999");
    await page.getByLabel("Name (English)").fill(`Gold+ ${tag}`);
    await page.getByRole("button", { name: "Save" }).click();
    await list.getByRole("link", { name: new RegExp(`Gold\\+ ${tag}.*€39\\.99 / year`) }).waitFor();
    const history = page.getByRole("region", { name: "History" });
    await history.getByText(/Sam Leroy \(you\) edited Name \(English\), Price, in cents/).waitFor();
    await history.getByText(/Sam Leroy \(you\) created the plan/).waitFor();
    expect(await shopText("en-US")).toContain(`Gold+ ${tag}`);
    await screenshot(page, "dashboard-plans-desktop");

    await page.getByRole("button", { name: "Archive" }).click();
    await list.getByRole("link", { name: new RegExp(`Gold\\+ ${tag}.*Archived`) }).waitFor();
    await history.getByText(/Sam Leroy \(you\) archived the plan/).waitFor();
    expect(await shopText("en-US")).not.toContain(`Gold+ ${tag}`);

    // Put back on sale from the form.
    await page.getByLabel("On sale (unchecked: archived)").check();
    await page.getByRole("button", { name: "Save" }).click();
    await history.getByText(/Sam Leroy \(you\) put the plan back on sale/).waitFor();
    expect(await shopText("en-US")).toContain(`Gold+ ${tag}`);

    expect(csp.violations).toEqual([]);
    await context.close();
  });

  it("shows the page in French, with the database's refusals in French", async () => {
    const { context, page } = await signedIn(browser(), /Sam Leroy/, "fr-FR");
    await page.getByRole("link", { name: "Offres" }).click();
    await page.getByRole("link", { name: "Nouvelle offre" }).click();
    await page.getByLabel("Clé").fill(key);
    await page.getByLabel("Nom (anglais)").fill("Duplicate");
    await page.getByLabel("Prix, en centimes", { exact: true }).fill("100");
    await page.getByRole("button", { name: "Créer l'offre" }).click();
    await page
      .getByRole("alert")
      .getByText("Une autre offre de ce serveur (peut-être archivée) utilise déjà cette clé.")
      .waitFor();
    await context.close();
  });

  it("is not offered to agents, and the API refuses them", async () => {
    const { context, page } = await signedIn(browser(), /Alex Martin/);
    expect(await page.getByRole("link", { name: "Plans" }).count()).toBe(0);
    const answer = await apiFromPage(page, `/api/v1/plans`);
    expect(answer).toEqual({
      status: 403,
      body: {
        error: {
          code: "admin_only",
          message: "Only the server's admins (Administrator or Manage Server) can edit plans.",
        },
      },
    });
    await context.close();
  });
});
