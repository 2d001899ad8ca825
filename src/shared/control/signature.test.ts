import { describe, expect, it } from "vitest";
import { canonicalString, sha256Hex } from "./canonical";
import { CONTROL_HEADERS } from "./protocol";
import { signControlRequest } from "./sign";
import { parseControlKeys, verifyControlSignature } from "./verify";

const key = { keyId: "primary", secret: "0123456789abcdef0123456789abcdef" };
const keys = new Map([[key.keyId, key.secret]]);
const NOW = 1_800_000_000;
const body = JSON.stringify({ operator: { id: "1", name: "op" }, locale: "en" });
const path = "/control/v1/status";

async function signed(overrides: { timestamp?: number; secret?: string; keyId?: string } = {}) {
  return new Headers(
    await signControlRequest(
      { keyId: overrides.keyId ?? key.keyId, secret: overrides.secret ?? key.secret },
      { method: "POST", path, body, timestamp: overrides.timestamp ?? NOW },
    ),
  );
}

const verify = (
  headers: Headers,
  changes: { path?: string; rawBody?: string; method?: string; hasQuery?: boolean } = {},
) =>
  verifyControlSignature({
    headers,
    method: changes.method ?? "POST",
    path: changes.path ?? path,
    hasQuery: changes.hasQuery ?? false,
    rawBody: changes.rawBody ?? body,
    keys,
    now: NOW,
  });

describe("canonical string", () => {
  it("is the contract's v1 form with the hex SHA-256 of the raw body", async () => {
    expect(await sha256Hex("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(
      canonicalString({ timestamp: "1", nonce: "ab", method: "post", path: "/p", bodySha256Hex: "ff" }),
    ).toBe("v1:1:ab:POST:/p:ff");
  });
});

describe("signControlRequest + verifyControlSignature", () => {
  it("produces the four headers, a 32-hex nonce and a v1= lowercase hex signature", async () => {
    const headers = await signed();
    expect(headers.get(CONTROL_HEADERS.keyId)).toBe("primary");
    expect(headers.get(CONTROL_HEADERS.timestamp)).toBe(String(NOW));
    expect(headers.get(CONTROL_HEADERS.nonce)).toMatch(/^[0-9a-f]{32}$/);
    expect(headers.get(CONTROL_HEADERS.signature)).toMatch(/^v1=[0-9a-f]{64}$/);
  });

  it("matches an HMAC computed independently over the canonical string", async () => {
    const headers = await signed();
    const canonical = `v1:${NOW}:${headers.get(CONTROL_HEADERS.nonce)}:POST:${path}:${await sha256Hex(body)}`;
    const cryptoKey = await crypto.subtle.importKey(
      "raw",
      new TextEncoder().encode(key.secret),
      { name: "HMAC", hash: "SHA-256" },
      false,
      ["sign"],
    );
    const mac = new Uint8Array(
      await crypto.subtle.sign("HMAC", cryptoKey, new TextEncoder().encode(canonical)),
    );
    const hex = Array.from(mac, (b) => b.toString(16).padStart(2, "0")).join("");
    expect(headers.get(CONTROL_HEADERS.signature)).toBe(`v1=${hex}`);
  });

  it("accepts a correct request and says which key signed it", async () => {
    const headers = await signed();
    expect(await verify(headers)).toEqual({
      ok: true,
      value: { keyId: "primary", nonce: headers.get(CONTROL_HEADERS.nonce), timestamp: NOW },
    });
  });

  it("accepts either key during a rotation", async () => {
    const rotating = new Map([...keys, ["next", "fedcba9876543210fedcba9876543210"]]);
    const headers = await signed({ keyId: "next", secret: "fedcba9876543210fedcba9876543210" });
    const result = await verifyControlSignature({
      headers,
      method: "POST",
      path,
      hasQuery: false,
      rawBody: body,
      keys: rotating,
      now: NOW,
    });
    expect(result).toMatchObject({ ok: true, value: { keyId: "next" } });
  });

  it.each([
    ["no headers", async () => verify(new Headers()), "missing_headers"],
    ["an unknown key id", async () => verify(await signed({ keyId: "other" })), "unknown_key"],
    [
      "the right key id with another secret",
      async () => verify(await signed({ secret: "x".repeat(32) })),
      "bad_signature",
    ],
    [
      "a tampered body",
      async () => verify(await signed(), { rawBody: body.replace("op", "oq") }),
      "bad_signature",
    ],
    ["a tampered path", async () => verify(await signed(), { path: "/control/v1/restart" }), "bad_signature"],
    ["another method", async () => verify(await signed(), { method: "PUT" }), "bad_signature"],
    // The signature covers the path only: a query would ride along unsigned.
    ["a query string", async () => verify(await signed(), { hasQuery: true }), "query_not_signed"],
    ["a timestamp 61 s old", async () => verify(await signed({ timestamp: NOW - 61 })), "stale_timestamp"],
    ["a timestamp 61 s ahead", async () => verify(await signed({ timestamp: NOW + 61 })), "stale_timestamp"],
  ] as const)("refuses %s", async (_name, attempt, code) => {
    expect(await attempt()).toMatchObject({ ok: false, error: { code } });
  });

  it("accepts timestamps exactly 60 s off either way", async () => {
    expect(await verify(await signed({ timestamp: NOW - 60 }))).toMatchObject({ ok: true });
    expect(await verify(await signed({ timestamp: NOW + 60 }))).toMatchObject({ ok: true });
  });

  it.each([
    [`v1=${"A".repeat(64)}`, "malformed_signature"],
    [`v2=${"a".repeat(64)}`, "malformed_signature"],
    [`v1=${"a".repeat(63)}`, "malformed_signature"],
    [`v1=${"a".repeat(64)}`, "bad_signature"],
  ])("refuses the signature header %s", async (signature, code) => {
    const headers = await signed();
    headers.set(CONTROL_HEADERS.signature, signature);
    expect(await verify(headers)).toMatchObject({ ok: false, error: { code } });
  });

  it.each([
    ["a short nonce", CONTROL_HEADERS.nonce, "abc", "malformed_nonce"],
    ["an uppercase nonce", CONTROL_HEADERS.nonce, "A".repeat(32), "malformed_nonce"],
    ["a non-numeric timestamp", CONTROL_HEADERS.timestamp, "soon", "malformed_timestamp"],
  ])("refuses %s", async (_name, header, value, code) => {
    const headers = await signed();
    headers.set(header, value);
    expect(await verify(headers)).toMatchObject({ ok: false, error: { code } });
  });
});

describe("what a refusal keeps of the request", () => {
  it("keeps the claimed key id only when it is configured here", async () => {
    const forged = await signed();
    forged.set(CONTROL_HEADERS.signature, `v1=${"a".repeat(64)}`);
    expect(await verify(forged)).toEqual({
      ok: false,
      error: { code: "bad_signature", knownKeyId: "primary" },
    });
    const masked = await signed();
    masked.set(CONTROL_HEADERS.keyId, "[Key rotation required: click](https://evil.example/k)");
    expect(await verify(masked)).toEqual({ ok: false, error: { code: "unknown_key", knownKeyId: null } });
  });
});

describe("parseControlKeys", () => {
  it("reads key ids and secrets, skipping short secrets and odd ids", () => {
    const parsed = parseControlKeys(
      JSON.stringify({ a: "s".repeat(16), "b c": "s".repeat(16), short: "abc", n: 5 }),
    );
    expect([...parsed.keys()]).toEqual(["a"]);
  });

  it("configures nothing from missing or broken JSON", () => {
    expect(parseControlKeys(undefined).size).toBe(0);
    expect(parseControlKeys("{").size).toBe(0);
    expect(parseControlKeys("[]").size).toBe(0);
  });
});
