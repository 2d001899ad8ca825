import { describe, expect, it } from "vitest";
import { signedClaims, unsigned, withClaims } from "../../../test/support/session-tokens";
import { issueStaffSession, newSessionId, verifyStaffSession } from "./session-token";

const secret = "a-test-secret-that-is-long-enough-0123456789";
const staff = {
  sessionId: newSessionId(),
  userId: "1300000000000000222",
  guildId: "1300000000000000010",
  appRole: "agent" as const,
};
const now = 1_800_000_000;

describe("staff sessions", () => {
  it("round-trips who the staff member is until it expires", async () => {
    const token = await issueStaffSession(secret, staff, { ttlSeconds: 3600, nowSeconds: now });
    expect(await verifyStaffSession(secret, token, now + 3599)).toEqual({
      ok: true,
      value: {
        sid: staff.sessionId,
        sub: staff.userId,
        guild_id: staff.guildId,
        app_role: "agent",
        exp: now + 3600,
      },
    });
    expect(await verifyStaffSession(secret, token, now + 3600)).toEqual({ ok: false, error: "expired" });
  });

  it("refuses a token signed with another secret", async () => {
    const token = await issueStaffSession(`${secret}-other`, staff, { nowSeconds: now });
    expect(await verifyStaffSession(secret, token, now)).toEqual({ ok: false, error: "bad_signature" });
  });

  it("refuses a token whose payload was edited (an agent making themselves admin, another guild)", async () => {
    const token = await issueStaffSession(secret, staff, { nowSeconds: now });
    for (const change of [{ app_role: "admin" }, { guild_id: "999" }, { exp: now + 10 ** 7 }]) {
      expect(await verifyStaffSession(secret, withClaims(token, change), now)).toEqual({
        ok: false,
        error: "bad_signature",
      });
    }
  });

  it("refuses a token signed with the secret for another purpose, or with no signature at all", async () => {
    const otherPurpose = await signedClaims(
      secret,
      { sid: staff.sessionId, sub: staff.userId, guild_id: staff.guildId, app_role: "admin", exp: now + 60 },
      "maxis-oauth-state",
    );
    expect((await verifyStaffSession(secret, otherPurpose, now)).ok).toBe(false);
    const token = await issueStaffSession(secret, staff, { nowSeconds: now });
    expect((await verifyStaffSession(secret, unsigned(token, { alg: "none", typ: "JWT" }), now)).ok).toBe(
      false,
    );
  });

  it("refuses anything that is not a token", async () => {
    for (const token of ["", "abc", "v1.x", "a.b.c", "v1.!!!.abc", `v1.${"a".repeat(1100)}.b`]) {
      expect((await verifyStaffSession(secret, token, now)).ok, token).toBe(false);
    }
  });

  it("will not sign or check anything with a missing or short secret", async () => {
    await expect(issueStaffSession("", staff)).rejects.toThrow(/SESSION_SECRET/);
    const token = await issueStaffSession(secret, staff, { nowSeconds: now });
    await expect(verifyStaffSession("short", token, now)).rejects.toThrow(/SESSION_SECRET/);
  });

  it("only signs Discord ids and session ids from newSessionId", async () => {
    await expect(issueStaffSession(secret, { ...staff, userId: "admin" })).rejects.toThrow(/Discord ids/);
    await expect(issueStaffSession(secret, { ...staff, sessionId: "abc" })).rejects.toThrow(/newSessionId/);
  });

  it("refuses a token without a session id (one signed before sessions were kept server-side)", async () => {
    const old = await signedClaims(secret, {
      sub: staff.userId,
      guild_id: staff.guildId,
      app_role: "agent",
      exp: now + 60,
    });
    expect(await verifyStaffSession(secret, old, now)).toEqual({ ok: false, error: "malformed" });
  });
});
