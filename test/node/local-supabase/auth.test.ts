/** The gateway's API key check and PostgREST's JWT authentication. */
import { sign } from "hono/jwt";
import { describe, expect, it } from "vitest";
import { client, nowSeconds, post, supabase, userJwt } from "./support";

const rpc = "/rest/v1/rpc/session_info";

describe("API key (the gateway)", () => {
  it("refuses a request without an apikey", async () => {
    const response = await fetch(`${supabase().restUrl}${rpc}`, { method: "POST", body: "{}" });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ message: "No API key found in request" });
  });

  it("refuses an apikey not signed with the project's secret", async () => {
    const forged = await sign({ role: "service_role", iss: "supabase" }, "another secret", "HS256");
    const response = await post(rpc, {}, { apikey: forged });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ message: "Invalid API key" });
  });

  it("uses the apikey's role when there is no Authorization header", async () => {
    const asService = await post(rpc, {}, { apikey: supabase().serviceRoleKey });
    expect(asService.status).toBe(200);
    expect(await asService.json()).toMatchObject({ role: "service_role" });
    const asAnon = await post(rpc, {});
    expect(asAnon.status).toBe(401);
  });
});

describe("JWT (PostgREST)", () => {
  it("refuses a JWT signed with another secret: 401 PGRST301", async () => {
    const { error, status } = await client(await userJwt({}, "not the project's secret")).rpc("session_info");
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
