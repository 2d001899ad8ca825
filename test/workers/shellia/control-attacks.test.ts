/**
 * Attacks on Maxis's control API through the real service binding: each is refused with 401 and the
 * contract's error body, is audited as refused, and changes nothing (the payload would turn
 * maintenance on; Maxis must still have it off afterwards).
 */
import { describe, expect, it } from "vitest";
import { bindingOf, signedCall, targetEntry, waitForAudit } from "./control-support";

const maxis = targetEntry("maxis");
const other = targetEntry("maxis-b");
const binding = bindingOf("maxis");
const attack = { operation: "maintenance", args: ["on"] };
const freshNonce = () =>
  Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join("");

async function maintenanceIsOff(): Promise<boolean> {
  const { status, json } = await signedCall(binding, maxis, "status", {});
  expect(status).toBe(200);
  return (json as { result: { maintenance: { on: boolean } } }).result.maintenance.on === false;
}

const body = JSON.stringify({
  operator: { id: "1300000000000000333", name: "operator" },
  locale: "en",
  ...attack,
});

describe("control API attacks (through the service binding)", () => {
  it.each([
    ["no headers", { omitHeaders: true }, "missing_headers"],
    [
      "a key id Maxis does not have",
      { keyId: "attacker", secret: "attacker-secret-0123456789" },
      "unknown_key",
    ],
    ["the other target's key (same key id, maxis-b's secret)", { secret: other.secret }, "bad_signature"],
    ["a tampered body", { signedBody: body.replace('"on"', '"off"') }, "bad_signature"],
    ["a tampered path", { signedPath: "/control/v1/status" }, "bad_signature"],
    ["a timestamp 61 s old", { timestampOffset: -61 }, "stale_timestamp"],
    ["a timestamp 61 s ahead", { timestampOffset: 61 }, "stale_timestamp"],
    ["a malformed signature", { signature: "v1=not-hex" }, "malformed_signature"],
    ["a well-formed but wrong signature", { signature: `v1=${"0".repeat(64)}` }, "bad_signature"],
  ] as const)("refuses %s with 401, audits it, and changes nothing", async (_name, options, code) => {
    const since = Date.now() - 1_000;
    const { status, json } = await signedCall(binding, maxis, "execute", attack, options);
    expect(status).toBe(401);
    expect(json).toEqual({ error: { code, message: expect.any(String) } });
    expect(await maintenanceIsOff()).toBe(true);
    const row = await waitForAudit(
      (r) =>
        r.code === code &&
        r.action === "execute" &&
        r.outcome === "refused" &&
        new Date(r.at).getTime() >= since,
    );
    expect(row).toMatchObject({ keyId: null, operatorId: null });
  });

  it("refuses a replayed nonce, even with a valid signature inside the timestamp window", async () => {
    const nonce = freshNonce();
    const replayed = { operation: "maintenance", args: ["off"] };
    expect((await signedCall(binding, maxis, "execute", replayed, { nonce })).status).toBe(200);
    const again = await signedCall(binding, maxis, "execute", replayed, { nonce });
    expect(again.status).toBe(401);
    expect(again.json).toEqual({
      error: { code: "replayed_nonce", message: "This nonce was already used." },
    });
  });

  it("never lets a captured request run twice: a replayed 'maintenance on' leaves maintenance off", async () => {
    const nonce = freshNonce();
    expect((await signedCall(binding, maxis, "execute", attack, { nonce })).status).toBe(200);
    expect(
      (await signedCall(binding, maxis, "execute", { operation: "maintenance", args: ["off"] })).status,
    ).toBe(200);
    const replay = await signedCall(binding, maxis, "execute", attack, { nonce });
    expect(replay.status).toBe(401);
    expect(await maintenanceIsOff()).toBe(true);
  });

  it("accepts the same request signed by the right key, so the refusals above are about the attack", async () => {
    const { status, json } = await signedCall(binding, maxis, "status", {});
    expect(status).toBe(200);
    expect(json).toMatchObject({ ok: true, result: { version: expect.any(String) } });
  });

  it("keeps each Maxis's key its own: maxis-b refuses maxis's secret", async () => {
    const { status, json } = await signedCall(
      bindingOf("maxis-b"),
      other,
      "status",
      {},
      { secret: maxis.secret },
    );
    expect(status).toBe(401);
    expect(json).toMatchObject({ error: { code: "bad_signature" } });
  });
});
