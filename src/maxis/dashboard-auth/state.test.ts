import { describe, expect, it } from "vitest";
import { withClaims } from "../../../test/support/session-tokens";
import { issueStaffSession, newSessionId, verifyStaffSession } from "./session-token";
import { checkOAuthState, createOAuthState, STATE_TTL_SECONDS } from "./state";

const secret = "s".repeat(40);

describe("OAuth state cookie", () => {
  it("accepts the state it issued, with the return address", async () => {
    const { state, cookie } = await createOAuthState(secret, "https://dash.example/#/tickets/4", 1000);
    expect(await checkOAuthState(secret, cookie, state, 1001)).toEqual({
      returnTo: "https://dash.example/#/tickets/4",
      expiresAt: 1000 + STATE_TTL_SECONDS,
    });
  });

  it("refuses another state, an expired cookie, another secret and an edited cookie", async () => {
    const { state, cookie } = await createOAuthState(secret, "https://dash.example/", 1000);
    const other = await createOAuthState(secret, "https://dash.example/", 1000);
    expect(await checkOAuthState(secret, cookie, other.state, 1001)).toBeNull();
    expect(await checkOAuthState(secret, cookie, state, 1000 + STATE_TTL_SECONDS)).toBeNull();
    expect(await checkOAuthState("t".repeat(40), cookie, state, 1001)).toBeNull();
    // An edited cookie (another return address, a later expiry) no longer matches its signature.
    for (const change of [{ return_to: "https://evil.example/" }, { exp: 9_999_999 }]) {
      expect(await checkOAuthState(secret, withClaims(cookie, change), state, 1001)).toBeNull();
    }
    expect(await checkOAuthState(secret, undefined, state, 1001)).toBeNull();
  });

  it("is not a staff session, and a staff session is not a state", async () => {
    const staff = {
      userId: "1300000000000000222",
      guildId: "1300000000000000010",
      appRole: "admin" as const,
    };
    const { state, cookie } = await createOAuthState(secret, "https://dash.example/", 1000);
    expect((await verifyStaffSession(secret, cookie, 1001)).ok).toBe(false);
    const session = await issueStaffSession(
      secret,
      { ...staff, sessionId: newSessionId() },
      { nowSeconds: 1000 },
    );
    expect(await checkOAuthState(secret, session, state, 1001)).toBeNull();
  });
});
