import { mkdirSync } from "node:fs";
import Chromium from "@sparticuz/chromium";
import { type Browser, type BrowserContext, chromium, type Page, type Response } from "playwright-core";
import { afterAll, beforeAll, inject } from "vitest";

/**
 * The headless Chromium that ships inside the npm package @sparticuz/chromium (unpacked to the
 * system's temporary folder on first use), or the one `CHROMIUM_PATH` names. Nothing comes from the
 * system, so `npm ci && npm test` runs the browser tests on a machine with only Node and npm.
 *
 * The package's own `args` are tuned for AWS Lambda and include --disable-web-security, which would
 * switch off the very same-origin and CORS rules these tests check, so the flags are ours: no
 * sandbox (root in CI), and none of Chromium's background calls to Google, which a closed network
 * refuses. LANG is set because under a POSIX locale (LANG unset, C or C.UTF-8, as in CI) Chromium
 * reports navigator.language "en-US@posix", which uPlot hands to Intl.NumberFormat: a RangeError
 * that no user's browser triggers. Playwright gives every launch a fresh temporary --user-data-dir (and adds --headless),
 * so no profile, cookie or cache survives from one run to the next.
 */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env["CHROMIUM_PATH"] || (await Chromium.executablePath()),
    headless: true,
    env: { ...process.env, LANG: "en_US.UTF-8" },
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

/**
 * Through the real flow: the dashboard's button, Maxis's redirect, the local Discord's account picker.
 * Gives the response that first served the dashboard's page.
 */
export async function signIn(page: Page, who: RegExp): Promise<Response | null> {
  const served = await page.goto(inject("browserStack").dashboardUrl);
  await page.getByRole("link", { name: /Sign in with Discord|Se connecter avec Discord/ }).click();
  await page.getByRole("link", { name: who }).click();
  return served;
}

export interface CspViolation {
  /** A securitypolicyviolation event, or Chromium's console line ("… violates the … directive …"). */
  heard: "event" | "console";
  directive: string;
  blocked: string;
  page: string;
}

/**
 * Records every Content-Security-Policy violation in `context`'s pages, heard both ways Chromium
 * reports one. `until(step)` fails the step as soon as one is reported, naming it, rather than
 * letting it time out waiting for what the policy blocked.
 */
export async function watchCsp(context: BrowserContext) {
  const violations: CspViolation[] = [];
  const waiting = new Set<(error: Error) => void>();
  const report = (violation: CspViolation) => {
    violations.push(violation);
    const error = new Error(`CSP violation: ${JSON.stringify(violation)}`);
    for (const fail of waiting) fail(error);
  };
  await context.exposeBinding("__reportCspViolation", (_source, violation: CspViolation) =>
    report(violation),
  );
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      const send = (window as unknown as { __reportCspViolation(v: CspViolation): void })
        .__reportCspViolation;
      send({ heard: "event", directive: e.effectiveDirective, blocked: e.blockedURI, page: e.documentURI });
    });
  });
  context.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text()))
      report({ heard: "console", directive: "", blocked: message.text(), page: message.page()?.url() ?? "" });
  });
  return {
    violations,
    async until<T>(step: Promise<T>): Promise<T> {
      // Handled even when a violation ends the wait first and the step then fails.
      step.catch(() => undefined);
      if (violations.length) throw new Error(`CSP violation: ${JSON.stringify(violations[0])}`);
      let fail: (error: Error) => void = () => undefined;
      const violated = new Promise<never>((_, reject) => {
        fail = reject;
      });
      waiting.add(fail);
      try {
        return await Promise.race([step, violated]);
      } finally {
        waiting.delete(fail);
      }
    },
  };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync("test-results", { recursive: true });
  await page.screenshot({ path: `test-results/${name}.png`, fullPage: false });
}

/** A GET of Maxis's API from inside the page, with its session cookie: what the dashboard would get. */
export function apiFromPage(page: Page, path: string): Promise<{ status: number; body: unknown }> {
  return page.evaluate(
    async (url) => {
      const res = await fetch(url, { credentials: "include" });
      return { status: res.status, body: (await res.json()) as unknown };
    },
    `${inject("browserStack").maxisUrl}${path}`,
  );
}

/**
 * A new browser context signed in as `who` (the local Discord's account picker) and showing the
 * inbox, with its Content-Security-Policy watched from the start.
 */
export async function signedIn(browser: Browser, who: RegExp, locale = "en-US") {
  const context = await browser.newContext({ viewport: DESKTOP, locale });
  const csp = await watchCsp(context);
  const page = await context.newPage();
  await signIn(page, who);
  await csp.until(page.getByRole("heading", { name: /^(Inbox|Boîte de réception)$/ }).waitFor());
  return { context, csp, page };
}

/** One Chromium for the test file, launched before its tests and closed after them. */
export function launchedBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error("the browser is launched in beforeAll");
    return browser;
  };
}
