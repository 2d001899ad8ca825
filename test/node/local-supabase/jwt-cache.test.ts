/**
 * The stand-in remembers tokens it has verified, as PostgREST's JWT cache does: a token sent again is
 * not verified again, but it still expires on time, and nothing that was not verified is remembered.
 */
import { sign } from "hono/jwt";
import { describe, expect, it } from "vitest";
import { generateSigningKey, publicJwks } from "../../../scripts/lib/supabase-keys";
import { authenticate, type TrustedKeys, VerifiedTokens } from "../../../scripts/local-supabase/rest/jwt";

const NOW = 1_800_000_000;

async function project() {
  const signingKey = await generateSigningKey();
  const keys: TrustedKeys = { jwks: publicJwks([signingKey]) };
  const token = (claims: Record<string, unknown>) =>
    sign({ sub: "111", role: "authenticated", iat: NOW, ...claims }, JSON.parse(signingKey), "ES256");
  return { keys, token };
}

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: { status: number; body: { code: string; message: string } }) => ({
      status: error.status,
      code: error.body.code,
      message: error.body.message,
    }),
  );

describe("verified tokens", () => {
  it("accepts a remembered token again, and refuses it once it has expired", async () => {
    const { keys, token } = await project();
    const verified = new VerifiedTokens();
    const jwt = await token({ exp: NOW + 60 });
    const first = await authenticate(jwt, keys, "anon", NOW, verified);
    const again = await authenticate(jwt, keys, "anon", NOW + 10, verified);
    expect(again).toEqual(first);
    expect(again.claims["sub"]).toBe("111");
    expect(await refusal(authenticate(jwt, keys, "anon", NOW + 60 + 31, verified))).toEqual({
      status: 401,
      code: "PGRST303",
      message: "JWT expired",
    });
  });

  it("never takes a token with a forged signature for a remembered one", async () => {
    const { keys, token } = await project();
    const verified = new VerifiedTokens();
    const jwt = await token({ exp: NOW + 60 });
    await authenticate(jwt, keys, "anon", NOW, verified);
    const [header, payload] = jwt.split(".");
    const forgedPayload = Buffer.from(JSON.stringify({ sub: "222", role: "service_role", exp: NOW + 60 }))
      .toString("base64url")
      .replace(/=+$/, "");
    const forged = `${header}.${forgedPayload}.${jwt.split(".")[2]}`;
    expect(payload).not.toBe(forgedPayload);
    expect(await refusal(authenticate(forged, keys, "anon", NOW, verified))).toMatchObject({
      status: 401,
      code: "PGRST301",
    });
  });

  it("keeps at most its bound, forgetting the oldest first", async () => {
    const { keys, token } = await project();
    const verified = new VerifiedTokens(2);
    const tokens = await Promise.all([1, 2, 3].map((n) => token({ exp: NOW + 60, jti: String(n) })));
    for (const jwt of tokens) await authenticate(jwt, keys, "anon", NOW, verified);
    expect(tokens.map((jwt) => verified.get(jwt, NOW) !== null)).toEqual([false, true, true]);
  });

  it("does not remember a token without an expiry", async () => {
    const { keys, token } = await project();
    const verified = new VerifiedTokens();
    const jwt = await token({});
    await authenticate(jwt, keys, "anon", NOW, verified);
    expect(verified.get(jwt, NOW)).toBeNull();
  });
});
