/**
 * Maxis's tokens against a project's trusted keys: ES256 by kid (the default), HS256 only where the
 * project still trusts its legacy secret, and a signing-key rotation in which both keys are valid
 * until the old one is revoked. Each case runs its own REST stand-in over the test database.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateSigningKey, newPublishableKey, publicJwks } from "../../../scripts/lib/supabase-keys";
import type { TrustedKeys } from "../../../scripts/local-supabase/rest/jwt";
import { serveRest } from "../../../scripts/local-supabase/rest-server";
import { type SupabaseBindings, supabaseAs } from "../../../src/maxis/supabase/client";
import { signSupabaseToken } from "../../../src/maxis/supabase/token";
import { supabase } from "./support";

let pool: pg.Pool;
beforeAll(() => {
  // The API's own login, as the shared stand-in uses it: it can only become the roles tokens name.
  const url = new URL(supabase().databaseUrl);
  url.username = "authenticator";
  pool = new pg.Pool({ connectionString: url.href, max: 2 });
  pool.on("error", () => undefined);
});
afterAll(() => pool.end());

const identity = { userId: "1300000000000000111", appRole: "member", guildId: "42", roleIds: [] } as const;

/** A stand-in trusting `keys`; `seen` lists how each accepted call was signed. */
async function project(keys: TrustedKeys) {
  const publishableKey = newPublishableKey();
  const seen: string[] = [];
  const server = await serveRest({
    pool,
    keys,
    apiKeys: new Map([[publishableKey, "anon"]]),
    port: 0,
    log: (line) => seen.push(line),
  });
  const env = (signing: Partial<SupabaseBindings>): SupabaseBindings => ({
    SUPABASE_URL: server.url,
    SUPABASE_PUBLISHABLE_KEY: publishableKey,
    ...signing,
  });
  const sessionAs = async (signing: Partial<SupabaseBindings>) =>
    (await supabaseAs(env(signing), identity)).rpc("session_info");
  return { server, seen, sessionAs, publishableKey };
}

const kidOf = (jwk: string) => (JSON.parse(jwk) as { kid: string }).kid;

describe("Maxis signs with SUPABASE_JWT_SIGNING_KEY (ES256)", () => {
  it("sends ES256 tokens with the key's kid, accepted by the project's JWKS", async () => {
    const key = await generateSigningKey();
    const { server, seen, sessionAs } = await project({ jwks: publicJwks([key]) });
    try {
      const { data, error } = await sessionAs({ SUPABASE_JWT_SIGNING_KEY: key });
      expect(error).toBeNull();
      expect(data).toMatchObject({ role: "authenticated", sub: identity.userId });
      expect(seen).toEqual([`POST /rpc/session_info as authenticated (ES256 kid=${kidOf(key)})`]);
    } finally {
      await server.close();
    }
  });

  it("is refused with 401 when the project does not know its key", async () => {
    const { server, sessionAs } = await project({ jwks: publicJwks([await generateSigningKey()]) });
    try {
      const { error, status } = await sessionAs({ SUPABASE_JWT_SIGNING_KEY: await generateSigningKey() });
      expect(status).toBe(401);
      expect(error?.code).toBe("PGRST301");
    } finally {
      await server.close();
    }
  });

  it("signs with the signing key even when a legacy secret is still set", async () => {
    const key = await generateSigningKey();
    const secret = randomBytes(32).toString("hex");
    const { server, seen, sessionAs } = await project({ jwks: publicJwks([key]), legacySecret: secret });
    try {
      await sessionAs({ SUPABASE_JWT_SIGNING_KEY: key, SUPABASE_JWT_SECRET: secret });
      expect(seen[0]).toContain(`ES256 kid=${kidOf(key)}`);
    } finally {
      await server.close();
    }
  });
});

describe("the legacy option: SUPABASE_JWT_SECRET (HS256)", () => {
  it("works with a project that still trusts its legacy secret", async () => {
    const secret = randomBytes(32).toString("hex");
    const { server, seen, sessionAs } = await project({ jwks: [], legacySecret: secret });
    try {
      const { data, error } = await sessionAs({ SUPABASE_JWT_SECRET: secret });
      expect(error).toBeNull();
      expect(data).toMatchObject({ role: "authenticated" });
      expect(seen).toEqual(["POST /rpc/session_info as authenticated (HS256)"]);
    } finally {
      await server.close();
    }
  });

  it("gets 401 from a project that no longer trusts a legacy secret", async () => {
    const { server, sessionAs } = await project({ jwks: publicJwks([await generateSigningKey()]) });
    try {
      const { status } = await sessionAs({ SUPABASE_JWT_SECRET: randomBytes(32).toString("hex") });
      expect(status).toBe(401);
    } finally {
      await server.close();
    }
  });
});

describe("rotating the signing key", () => {
  it("keeps both keys valid during the change, then only the new one once the old is revoked", async () => {
    const [oldKey, newKey] = [await generateSigningKey(), await generateSigningKey()];
    const oldToken = await signSupabaseToken(
      { SUPABASE_JWT_SIGNING_KEY: oldKey },
      { sub: "1", role: "authenticated" },
    );

    // 1. Supabase trusts both (the new key rotated in, the old one "previously used"); Maxis switches.
    const during = await project({ jwks: publicJwks([newKey, oldKey]) });
    try {
      expect((await during.sessionAs({ SUPABASE_JWT_SIGNING_KEY: oldKey })).error).toBeNull();
      expect((await during.sessionAs({ SUPABASE_JWT_SIGNING_KEY: newKey })).error).toBeNull();
      expect(during.seen).toEqual([
        `POST /rpc/session_info as authenticated (ES256 kid=${kidOf(oldKey)})`,
        `POST /rpc/session_info as authenticated (ES256 kid=${kidOf(newKey)})`,
      ]);
    } finally {
      await during.server.close();
    }

    // 2. The old key revoked: a token it signed (still unexpired) is refused, the new key works.
    const after = await project({ jwks: publicJwks([newKey]) });
    try {
      const refused = await fetch(`${after.server.url}/rest/v1/rpc/session_info`, {
        method: "POST",
        headers: { apikey: after.publishableKey, Authorization: `Bearer ${oldToken}` },
      });
      expect(refused.status).toBe(401);
      expect(await refused.json()).toMatchObject({ code: "PGRST301" });
      const stale = await after.sessionAs({ SUPABASE_JWT_SIGNING_KEY: oldKey });
      expect(stale.status).toBe(401);
      expect((await after.sessionAs({ SUPABASE_JWT_SIGNING_KEY: newKey })).error).toBeNull();
    } finally {
      await after.server.close();
    }
  });
});
