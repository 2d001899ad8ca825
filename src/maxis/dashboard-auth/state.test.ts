import { describe, expect, it } from "vitest";
import { checkOAuthState, createOAuthState, STATE_TTL_SECONDS } from "./state";

const secret = "s".repeat(40);

describe("OAuth state cookie", () => {
  it("accepts the state it issued, with the return address", async () => {
    const { state, cookie } = await createOAuthState(secret, "https://dash.example/#/tickets/4", 1000);
    expect(await checkOAuthState(secret, cookie, state, 1001)).toEqual({
      returnTo: "https://dash.example/#/tickets/4",
    });
  });

  it("refuses another state, an expired cookie, another secret and an edited cookie", async () => {
    const { state, cookie } = await createOAuthState(secret, "https://dash.example/", 1000);
    const other = await createOAuthState(secret, "https://dash.example/", 1000);
    expect(await checkOAuthState(secret, cookie, other.state, 1001)).toBeNull();
    expect(await checkOAuthState(secret, cookie, state, 1000 + STATE_TTL_SECONDS)).toBeNull();
    expect(await checkOAuthState("t".repeat(40), cookie, state, 1001)).toBeNull();
    const [s, target, exp, mac] = cookie.split(".");
    const evilTarget = btoa("https://evil.example/").replace(/=+$/, "");
    expect(await checkOAuthState(secret, [s, evilTarget, exp, mac].join("."), state, 1001)).toBeNull();
    expect(await checkOAuthState(secret, [s, target, "9999999", mac].join("."), state, 1001)).toBeNull();
    expect(await checkOAuthState(secret, undefined, state, 1001)).toBeNull();
  });
});
