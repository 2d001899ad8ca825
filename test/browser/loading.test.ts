/**
 * How a dashboard page loads (the `useLoaded` hook, seen on the Stats page): a load that fails says
 * why in the reader's language and shows no figures; the next poll that succeeds clears the alert and
 * shows them; a poll that fails afterwards says so again but keeps the figures already shown.
 */
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { launchedBrowser, signedIn } from "./support/browser";

const browser = launchedBrowser();

/** What the page does when the tab comes back into view: poll at once. */
const poll = (page: Page) => page.evaluate(() => document.dispatchEvent(new Event("visibilitychange")));

describe("a page's load", () => {
  it("fails with a localized alert, recovers on the next poll, and a failed poll keeps the figures", async () => {
    const { context, csp, page } = await signedIn(browser(), /Alex Martin/, "fr-FR");
    const series = "**/api/v1/stats/series?*";
    await page.route(series, (route) => route.abort("connectionrefused"));
    await page.getByRole("link", { name: "Statistiques" }).click();

    const main = page.locator("main");
    const alert = main.getByRole("alert");
    await csp.until(alert.waitFor());
    expect(await alert.textContent()).toBe(
      "Maxis est injoignable. Vérifiez votre connexion ; nous réessayons tout seuls.",
    );
    const opened = main.locator(".kpi-value").first();
    const chart = main.locator("section[aria-labelledby=chart-over-time] .uplot");
    expect(await opened.textContent()).toBe("…");
    expect(await chart.count()).toBe(0);

    await page.unroute(series);
    await poll(page);
    await chart.waitFor();
    await expect.poll(() => alert.count()).toBe(0);
    const figure = await opened.textContent();
    expect(figure).toMatch(/^\d/);

    await page.route(series, (route) => route.abort("connectionrefused"));
    await poll(page);
    await alert.waitFor();
    expect(await opened.textContent()).toBe(figure);
    expect(await chart.count()).toBe(1);

    expect(csp.violations).toEqual([]);
    await context.close();
  });
});
