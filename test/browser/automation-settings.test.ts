/**
 * The Settings page's automation section in a real browser against the real stack: an administrator
 * changes a delay (Save is offered only once something changed), a value out of range is refused in
 * the section in the reader's language and changes nothing, and an agent reads the settings without
 * being able to change them; nothing trips the Content-Security-Policy.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import type { AutomationSettings } from "../../src/shared/contracts/automation";
import { apiFromPage, launchedBrowser, screenshot, signedIn } from "./support/browser";

const browser = launchedBrowser();

const automationOf = async (page: Page) =>
  (await apiFromPage(page, "/api/v1/automation")).body as AutomationSettings;

describe("Settings page: automation", () => {
  it("an administrator changes a delay; an out-of-range one is refused in the section and changes nothing", async () => {
    const { context, csp, page } = await signedIn(browser(), /Sam Leroy/);
    await page.getByRole("link", { name: "Settings" }).click();
    const section = page.getByRole("region", { name: "Automation" });
    const warn = section.getByLabel("Warn after this many hours without the member's answer");
    await csp.until(warn.waitFor());
    const before = await automationOf(page);
    const save = section.getByRole("button", { name: "Save" });
    expect(await save.isDisabled()).toBe(true);

    const hours = before.inactivityHours === 47 ? 46 : 47;
    await warn.fill(String(hours));
    expect(await save.isDisabled()).toBe(false);
    await save.click();
    await page.getByRole("status").getByText("Saved.").first().waitFor();
    expect(await automationOf(page)).toEqual({ ...before, inactivityHours: hours });
    // Saved: nothing left to save.
    await expect.poll(() => save.isDisabled()).toBe(true);

    await warn.fill("0");
    await save.click();
    const alert = section.getByRole("alert");
    await alert.waitFor();
    expect(await alert.textContent()).toBe(
      "Invalid request: the field “inactivityHours” must be a valid value.",
    );
    expect(await automationOf(page)).toEqual({ ...before, inactivityHours: hours });
    await screenshot(page, "dashboard-settings-automation");

    // Back as it was, for the other tests of this run.
    await warn.fill(String(before.inactivityHours));
    await save.click();
    await expect.poll(async () => (await automationOf(page)).inactivityHours).toBe(before.inactivityHours);
    expect(await section.getByRole("alert").count()).toBe(0);
    expect(csp.violations).toEqual([]);
    await context.close();
  });

  it("in French, an agent reads the settings but cannot change them", async () => {
    const { context, csp, page } = await signedIn(browser(), /Alex Martin/, "fr-FR");
    await page.getByRole("link", { name: "Réglages" }).click();
    const section = page.getByRole("region", { name: "Automatisation" });
    await csp.until(
      section.getByText("Seuls les administrateurs du serveur peuvent changer ces réglages.").waitFor(),
    );
    const warn = section.getByLabel("Prévenir après ce nombre d'heures sans réponse du membre");
    expect(await warn.inputValue()).toBe(String((await automationOf(page)).inactivityHours));
    expect(await warn.isDisabled()).toBe(true);
    expect(await section.getByRole("checkbox").first().isDisabled()).toBe(true);
    expect(await section.getByRole("button").count()).toBe(0);
    expect(csp.violations).toEqual([]);
    await context.close();
  });
});
