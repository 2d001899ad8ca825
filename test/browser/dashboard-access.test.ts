/**
 * Who may use the staff dashboard, in a real browser against the real stack: a member who is not
 * staff is refused in their language without a session; a missing, forged or expired session gets
 * 401 (and the sign-in page), a write from another origin 403.
 */

import { beforeAll, describe, expect, inject, it } from "vitest";
import { LOCAL_MEMBER_ID, LOCAL_STAFF_ID } from "../../scripts/lib/local-identities";
import { unrecordedSession } from "../support/session-tokens";
import { DESKTOP, launchedBrowser, signIn } from "./support/browser";
import { openTicketAsMember } from "./support/seed";

const stack = inject("browserStack");
const browser = launchedBrowser();
let ticketNumber: number;

beforeAll(async () => {
  ticketNumber = (
    await openTicketAsMember(LOCAL_MEMBER_ID, {
      subject: `Access ${Date.now().toString(36)}`,
      description: "Hello",
    })
  ).number;
}, 60_000);

describe("staff dashboard", () => {
  it("refuses a member who is not staff, in their language, without a session", async () => {
    const context = await browser().newContext({ viewport: DESKTOP });
    const member = await context.newPage();
    await signIn(member, /Camille Dubois/);
    await member
      .getByRole("heading", { name: "Ce tableau de bord est réservé à l'équipe de support" })
      .waitFor();
    expect((await context.cookies(stack.maxisUrl)).some((c) => c.name === "maxis_session")).toBe(false);
    const api = await member.evaluate(
      async (url) => (await fetch(url, { credentials: "include" })).status,
      `${stack.maxisUrl}/api/v1/tickets`,
    );
    expect(api).toBe(401);
    await context.close();
  });

  it("answers 401 to a missing, forged or expired session, and 403 to a write from another origin", async () => {
    const staff = { userId: LOCAL_STAFF_ID, guildId: stack.guildId };
    const forged = await unrecordedSession("not-the-secret-".repeat(3), staff);
    const expired = await unrecordedSession(stack.sessionSecret, staff, "agent", {
      nowSeconds: Math.floor(Date.now() / 1000) - 9 * 3600,
    });
    const get = (cookie?: string) =>
      fetch(`${stack.maxisUrl}/api/v1/tickets`, {
        headers: cookie ? { Cookie: `maxis_session=${cookie}` } : {},
      });
    const codes = async (res: Response) => [
      res.status,
      ((await res.json()) as { error: { code: string } }).error.code,
    ];
    expect(await codes(await get())).toEqual([401, "unauthenticated"]);
    expect(await codes(await get(forged))).toEqual([401, "invalid_session"]);
    expect(await codes(await get(expired))).toEqual([401, "session_expired"]);

    // The browser with a forged cookie lands on the sign-in page.
    const context = await browser().newContext({ viewport: DESKTOP });
    await context.addCookies([
      {
        name: "maxis_session",
        value: forged,
        url: stack.maxisUrl,
        httpOnly: true,
        secure: true,
        sameSite: "Strict",
      },
    ]);
    const p = await context.newPage();
    await p.goto(stack.dashboardUrl);
    await p.getByRole("link", { name: "Sign in with Discord" }).waitFor();
    await context.close();

    // A valid cookie, but the write comes from another site: refused before anything runs.
    const valid = await unrecordedSession(stack.sessionSecret, staff);
    const csrf = await fetch(`${stack.maxisUrl}/api/v1/tickets/${ticketNumber}/notes`, {
      method: "POST",
      headers: {
        Cookie: `maxis_session=${valid}`,
        Origin: "https://evil.example",
        "Content-Type": "application/json",
      },
      body: JSON.stringify({ body: "forged" }),
    });
    expect(await codes(csrf)).toEqual([403, "csrf_origin"]);
    const preflight = await fetch(`${stack.maxisUrl}/api/v1/tickets`, {
      method: "OPTIONS",
      headers: { Origin: "https://evil.example", "Access-Control-Request-Method": "PATCH" },
    });
    expect(preflight.headers.get("Access-Control-Allow-Origin")).toBeNull();
  });
});
