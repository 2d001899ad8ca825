/**
 * The gateway's API key check and the Data API's JWT authentication, as a project created today has
 * them: publishable and secret API keys, ES256 tokens verified by kid against the project's JWKS, and
 * no legacy JWT secret (so HS256 tokens are refused).
 */
import { sign } from "hono/jwt";
import { describe, expect, it } from "vitest";
import { generateSigningKey } from "../../../scripts/lib/supabase-keys";
import { client, nowSeconds, post, supabase, userJwt } from "./support";

const rpc = "/rest/v1/rpc/session_info";
const projectKey = () => JSON.parse(supabase().signingKey) as JsonWebKey & { kid: string };

describe("API key (the gateway)", () => {
  it("refuses a request without an apikey", async () => {
    const response = await fetch(`${supabase().restUrl}${rpc}`, { method: "POST", body: "{}" });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ message: "No API key found in request" });
  });

  it("refuses an apikey that is not one of the project's", async () => {
    const forgedLegacy = await sign({ role: "service_role", iss: "supabase" }, "another secret", "HS256");
    for (const apikey of [forgedLegacy, "sb_publishable_not-this-project", "sb_secret_not-this-project"]) {
      const response = await post(rpc, {}, { apikey });
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ message: "Invalid API key" });
    }
  });

  it("gives the API key's role when no token comes with it: secret → service_role, publishable → anon", async () => {
    const asService = await post(rpc, {}, { apikey: supabase().secretKey });
    expect(asService.status).toBe(200);
    expect(await asService.json()).toMatchObject({ role: "service_role" });
    // supabase-js sends the key as the bearer too when it has no token: the same role.
    const sameBearer = await post(
      rpc,
      {},
      { apikey: supabase().secretKey, Authorization: `Bearer ${supabase().secretKey}` },
    );
    expect(await sameBearer.json()).toMatchObject({ role: "service_role" });
    const asAnon = await post(rpc, {});
    expect(asAnon.status).toBe(401);
  });

  it("never takes an API key as a token for another key", async () => {
    const response = await post(rpc, {}, { Authorization: `Bearer ${supabase().secretKey}` });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ code: "PGRST301" });
  });
});

describe("JWT (the Data API)", () => {
  it("accepts an ES256 token signed with the project's key, found by its kid", async () => {
    const jwt = await userJwt();
    expect(JSON.parse(Buffer.from(jwt.split(".")[0] ?? "", "base64url").toString())).toMatchObject({
      alg: "ES256",
      kid: projectKey().kid,
    });
    const { data, error } = await client(jwt).rpc("session_info");
    expect(error).toBeNull();
    expect(data).toMatchObject({ role: "authenticated", sub: "111" });
  });

  it("refuses an ES256 token signed by a key the project does not know: 401 PGRST301", async () => {
    const unknown = JSON.parse(await generateSigningKey()) as JsonWebKey;
    const { error, status } = await client(await userJwt({}, unknown)).rpc("session_info");
    expect(status).toBe(401);
    expect(error).toMatchObject({ code: "PGRST301", message: "No suitable key or wrong key type" });
  });

  it("refuses a token that claims the project's kid but is signed by another key", async () => {
    const impostor = { ...(JSON.parse(await generateSigningKey()) as JsonWebKey), kid: projectKey().kid };
    const { status } = await client(await userJwt({}, impostor)).rpc("session_info");
    expect(status).toBe(401);
  });

  it("refuses HS256 tokens: this project has no legacy JWT secret", async () => {
    const { error, status } = await client(await userJwt({}, "any secret at all")).rpc("session_info");
    expect(status).toBe(401);
    expect(error?.code).toBe("PGRST301");
  });

  it("refuses an expired JWT: 401 PGRST303, with PostgREST's WWW-Authenticate header", async () => {
    const jwt = await userJwt({ iat: nowSeconds() - 600, exp: nowSeconds() - 120 });
    const { error, status } = await client(jwt).rpc("session_info");
    expect(status).toBe(401);
    expect(error).toMatchObject({ code: "PGRST303", message: "JWT expired" });

    const response = await post(rpc, {}, { Authorization: `Bearer ${jwt}` });
    expect(response.headers.get("www-authenticate")).toContain('error="invalid_token"');
  });

  it("allows PostgREST's 30 seconds of clock skew", async () => {
    const { error } = await client(await userJwt({ exp: nowSeconds() - 5 })).rpc("session_info");
    expect(error).toBeNull();
  });

  it("refuses a malformed token and an empty bearer", async () => {
    const malformed = await client("not-a-jwt").rpc("session_info");
    expect(malformed.status).toBe(401);
    expect(malformed.error).toMatchObject({ code: "PGRST301", message: "Expected 3 parts in JWT; got 1" });

    const empty = await post(rpc, {}, { Authorization: "Bearer " });
    expect(empty.status).toBe(401);
    expect(await empty.json()).toMatchObject({ code: "PGRST301" });
  });

  it("answers 401 when the role claim names a role that does not exist", async () => {
    const { error, status } = await client(await userJwt({ role: "nobody_by_that_name" })).rpc(
      "session_info",
    );
    expect(status).toBe(401);
    expect(error?.code).toBe("22023");
  });

  it("cannot switch to a role the authenticator was not granted, such as the superuser", async () => {
    const { error, status } = await client(await userJwt({ role: "postgres" })).rpc("session_info");
    expect(status).toBe(403);
    expect(error?.code).toBe("42501");
  });

  it("falls back to the anonymous role when the JWT has no role claim", async () => {
    const { error, status } = await client(await userJwt({ role: undefined })).rpc("session_info");
    expect(status).toBe(401);
    expect(error?.code).toBe("42501");
  });
});

describe("key discovery", () => {
  it("publishes the public half of the signing key, never the private part", async () => {
    const response = await fetch(`${supabase().restUrl}/auth/v1/.well-known/jwks.json`);
    const { keys } = (await response.json()) as { keys: Record<string, unknown>[] };
    const { kid, x, y } = projectKey();
    expect(keys).toEqual([{ kty: "EC", crv: "P-256", kid, x, y, alg: "ES256", use: "sig" }]);
  });
});
