/** Maxis's Supabase tokens, in the Workers runtime: which secret selects which algorithm, and the header. */
import { describe, expect, it } from "vitest";
import { signSupabaseToken } from "./token";

const decodePart = (part: string | undefined) =>
  JSON.parse(atob((part ?? "").replace(/-/g, "+").replace(/_/g, "/"))) as Record<string, unknown>;

async function newSigningKey(kid: string): Promise<{ jwk: string; publicKey: CryptoKey }> {
  const pair = (await crypto.subtle.generateKey({ name: "ECDSA", namedCurve: "P-256" }, true, [
    "sign",
    "verify",
  ])) as CryptoKeyPair;
  const exported = (await crypto.subtle.exportKey("jwk", pair.privateKey)) as JsonWebKey;
  // The shape `supabase gen signing-key --algorithm ES256` prints.
  const jwk = {
    ...exported,
    kid,
    use: "sig",
    key_ops: ["sign", "verify"],
    alg: "ES256",
    ext: true,
  };
  return { jwk: JSON.stringify(jwk), publicKey: pair.publicKey };
}

const claims = { sub: "1300000000000000111", role: "authenticated", app_role: "member" };

describe("signSupabaseToken", () => {
  it("signs ES256 with SUPABASE_JWT_SIGNING_KEY, its kid in the header, for 60 seconds", async () => {
    const { jwk, publicKey } = await newSigningKey("kid-2026-12");
    const token = await signSupabaseToken({ SUPABASE_JWT_SIGNING_KEY: jwk }, claims, 1_800_000_000);
    const [header, payload, signature] = token.split(".");
    expect(decodePart(header)).toEqual({ alg: "ES256", typ: "JWT", kid: "kid-2026-12" });
    expect(decodePart(payload)).toEqual({ ...claims, iss: "maxis", iat: 1_800_000_000, exp: 1_800_000_060 });
    const raw = Uint8Array.from(atob((signature ?? "").replace(/-/g, "+").replace(/_/g, "/")), (c) =>
      c.charCodeAt(0),
    );
    const valid = await crypto.subtle.verify(
      { name: "ECDSA", hash: "SHA-256" },
      publicKey,
      raw,
      new TextEncoder().encode(`${header}.${payload}`),
    );
    expect(valid).toBe(true);
  });

  it("prefers the signing key when the legacy secret is set too", async () => {
    const { jwk } = await newSigningKey("kid-new");
    const token = await signSupabaseToken(
      { SUPABASE_JWT_SIGNING_KEY: jwk, SUPABASE_JWT_SECRET: "legacy" },
      claims,
    );
    expect(decodePart(token.split(".")[0])).toMatchObject({ alg: "ES256", kid: "kid-new" });
  });

  it("signs HS256, with no kid, when only the legacy SUPABASE_JWT_SECRET is set", async () => {
    const token = await signSupabaseToken(
      { SUPABASE_JWT_SECRET: "a-legacy-secret-of-at-least-32-chars" },
      claims,
    );
    expect(decodePart(token.split(".")[0])).toEqual({ alg: "HS256", typ: "JWT" });
  });

  it("refuses to sign without a usable key, saying which setting is wrong", async () => {
    await expect(signSupabaseToken({}, claims)).rejects.toThrow(
      /neither SUPABASE_JWT_SIGNING_KEY nor SUPABASE_JWT_SECRET/,
    );
    await expect(signSupabaseToken({ SUPABASE_JWT_SIGNING_KEY: "{" }, claims)).rejects.toThrow(
      /SUPABASE_JWT_SIGNING_KEY is not valid JSON/,
    );
  });
});
