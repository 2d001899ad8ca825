/**
 * Maxis's control API from the inside: key rotation, the nonce store's expiry, and how a verified
 * but unusable request is answered. Attacks and every action through Shellia's binding are in
 * test/workers/shellia/.
 */

import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env, exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { LOCAL_ADMIN_ID } from "../../../scripts/lib/local-identities";
import { nonceStore } from "../../../src/maxis/control/nonce-store";
import { stateStore } from "../../../src/maxis/control/state-store";
import app from "../../../src/maxis/index";
import { controlPath } from "../../../src/shared/control/protocol";
import { signControlRequest } from "../../../src/shared/control/sign";
import { parseControlKeys } from "../../../src/shared/control/verify";

const keys = parseControlKeys(env.CONTROL_KEYS);

async function call(keyId: string, path: string, payload: unknown) {
  const body = JSON.stringify(payload);
  const headers = await signControlRequest(
    { keyId, secret: keys.get(keyId) ?? "" },
    { method: "POST", path, body },
  );
  const response = await exports.default.fetch(`https://maxis.test${path}`, {
    method: "POST",
    headers: { ...headers, "Content-Type": "application/json" },
    body,
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

const operator = { id: LOCAL_ADMIN_ID, name: "operator" };

describe("control API inside Maxis", () => {
  it("accepts both keys while a secret is being rotated", async () => {
    expect([...keys.keys()]).toEqual(["primary", "next"]);
    for (const keyId of keys.keys()) {
      const { status, json } = await call(keyId, controlPath("status"), { operator, locale: "en" });
      expect(status).toBe(200);
      expect(json).toMatchObject({ ok: true, result: { bootId: expect.stringMatching(/^[0-9a-f-]{36}$/) } });
    }
  });

  it("answers a verified call for an unknown action with 404 and the contract's error body", async () => {
    const { status, json } = await call("primary", "/control/v1/shutdown", { operator, locale: "fr" });
    expect(status).toBe(404);
    expect(json).toEqual({
      error: { code: "unknown_action", message: "Maxis n'a pas d'action de contrôle nommée shutdown." },
    });
  });

  it("refuses a verified body that does not name an operator", async () => {
    const { status, json } = await call("primary", controlPath("status"), { locale: "en" });
    expect(status).toBe(400);
    expect(json).toEqual({
      error: {
        code: "invalid_body",
        message: "The request was not understood: operator.id is not a Discord id.",
      },
    });
  });

  it("answers an unsigned request to any control path with 401 before anything else", async () => {
    const response = await exports.default.fetch("https://maxis.test/control/v1/nothing-here", {
      method: "GET",
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      error: { code: "missing_headers", message: "The control signature headers are missing." },
    });
  });

  it("says why it refuses in the caller's Accept-Language, with the same stable code", async () => {
    const unsigned = await exports.default.fetch("https://maxis.test/control/v1/status", {
      method: "POST",
      headers: { "Accept-Language": "fr-FR,fr;q=0.9" },
    });
    expect(unsigned.status).toBe(401);
    expect(await unsigned.json()).toEqual({
      error: { code: "missing_headers", message: "Les en-têtes de signature du contrôle manquent." },
    });
    const body = "{not json";
    const headers = await signControlRequest(
      { keyId: "primary", secret: keys.get("primary") ?? "" },
      { method: "POST", path: controlPath("status"), body },
    );
    const broken = await exports.default.fetch(`https://maxis.test${controlPath("status")}`, {
      method: "POST",
      headers: { ...headers, "Content-Type": "application/json", "Accept-Language": "fr" },
      body,
    });
    expect(broken.status).toBe(400);
    expect(await broken.json()).toEqual({
      error: {
        code: "invalid_body",
        message: "La requête n'a pas été comprise : le corps n'est pas du JSON.",
      },
    });
  });

  it("reads Accept-Language's qualities, keeps its code for any header, and never echoes the header", async () => {
    const refusal = async (acceptLanguage: string) => {
      const response = await exports.default.fetch("https://maxis.test/control/v1/status", {
        method: "POST",
        headers: { "Accept-Language": acceptLanguage },
      });
      return { status: response.status, body: await response.text() };
    };
    const english = JSON.stringify({
      error: { code: "missing_headers", message: "The control signature headers are missing." },
    });
    const french = JSON.stringify({
      error: { code: "missing_headers", message: "Les en-têtes de signature du contrôle manquent." },
    });
    expect(await refusal("fr;q=0, en")).toEqual({ status: 401, body: english });
    expect(await refusal("en;q=0.2, fr;q=0.8")).toEqual({ status: 401, body: french });
    expect(await refusal("*")).toEqual({ status: 401, body: english });
    expect(await refusal(`<script>@everyone;q=1, ${"x".repeat(8000)}`)).toEqual({
      status: 401,
      body: english,
    });
  });

  it("forgets nonces once their timestamp is out of the window, and only then", async () => {
    const store = nonceStore(env);
    const old = `${"0".repeat(31)}1`;
    const fresh = `${"0".repeat(31)}2`;
    expect(await store.claim(old, Date.now() - 1)).toBe(true);
    expect(await store.claim(fresh, Date.now() + 60_000)).toBe(true);
    expect(await store.claim(fresh, Date.now() + 60_000)).toBe(false);
    // The expired one was dropped by the claim above: its timestamp would now be refused anyway.
    expect(await store.claim(old, Date.now() + 60_000)).toBe(true);
  });
});

describe("no row, no action", () => {
  it("refuses a verified call whose audit row cannot be written, and runs nothing", async () => {
    const before = await stateStore(env).snapshot();
    const body = JSON.stringify({
      operator,
      locale: "fr",
      operation: "maintenance",
      args: [before.maintenance.on ? "off" : "on"],
    });
    const path = controlPath("execute");
    const headers = await signControlRequest(
      { keyId: "primary", secret: keys.get("primary") ?? "" },
      { method: "POST", path, body },
    );
    // The same Maxis, with its database out of reach (nothing listens on port 9).
    const noDatabase = { ...env, SUPABASE_URL: "http://127.0.0.1:9" };
    const ctx = createExecutionContext();
    const response = await app.fetch(
      new Request(`https://maxis.test${path}`, {
        method: "POST",
        headers: { ...headers, "Content-Type": "application/json" },
        body,
      }),
      noDatabase,
      ctx,
    );
    await waitOnExecutionContext(ctx);
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({
      error: {
        code: "audit_unavailable",
        message:
          "Maxis n'a pas pu inscrire cet appel dans son journal d'audit, il ne l'a donc pas exécuté. Réessayez dans un instant.",
      },
    });
    expect((await stateStore(env).snapshot()).maintenance.on).toBe(before.maintenance.on);
  });
});
