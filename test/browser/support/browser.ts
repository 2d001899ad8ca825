import { mkdirSync } from "node:fs";
import { type Browser, chromium, type Page } from "playwright-core";
import { inject } from "vitest";

/**
 * Debian's Chromium, headless. Playwright gives every launch a fresh temporary --user-data-dir of its
 * own (and adds --headless), so no profile, cookie or cache survives from one run to the next.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env["CHROMIUM_PATH"] ?? "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

export const DESKTOP = { width: 1440, height: 900 };
export const PHONE = { width: 390, height: 844 };

/** Through the real flow: the dashboard's button, Maxis's redirect, the local Discord's account picker. */
export async function signIn(page: Page, who: RegExp): Promise<void> {
  await page.goto(inject("browserStack").dashboardUrl);
  await page.getByRole("link", { name: /Sign in with Discord|Se connecter avec Discord/ }).click();
  await page.getByRole("link", { name: who }).click();
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync("test-results", { recursive: true });
  await page.screenshot({ path: `test-results/${name}.png`, fullPage: false });
}
