/**
 * Attacks on Maxis's control API through the real service binding: each is refused with 401 and the
 * contract's error body, is counted as refused, and changes nothing (the payload would turn
 * maintenance on; Maxis must still have it off afterwards). Then what the attack run of issue 17
 * found: request text in the report, actions without an audit row, junk flooding the trail, and a
 * query string the signature does not cover.
 */
import { exports } from "cloudflare:workers";
import { InteractionResponseType, MessageFlags } from "discord-api-types/v10";
import { describe, expect, it } from "vitest";
import { commandInteraction, parseCommandLine } from "../../../scripts/lib/interaction-builder";
import { LOCAL_ADMIN_ID } from "../../../scripts/lib/local-identities";
import { sendInteraction } from "../support/discord";
import {
  bindingOf,
  definitions,
  rawSignedCall,
  recentAudit,
  refusedCount,
  runMaxis,
  signedCall,
  targetEntry,
  waitForAudit,
  waitForRefusals,
} from "./control-support";

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
  ] as const)("refuses %s with 401, counts it, and changes nothing", async (_name, options, code) => {
    // A refusal keeps the key id only when this Maxis has it configured.
    const keyId = code === "missing_headers" || code === "unknown_key" ? null : "primary";
    const before = await refusedCount(code, keyId);
    const { status, json } = await signedCall(binding, maxis, "execute", attack, options);
    expect(status).toBe(401);
    expect(json).toEqual({ error: { code, message: expect.any(String) } });
    expect(await maintenanceIsOff()).toBe(true);
    expect(await waitForRefusals(code, before, 1, keyId)).toBeGreaterThan(before);
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

/** Lets the audit writes Maxis makes after its response land (waitUntil). */
const settle = (ms = 1_000) => new Promise((resolve) => setTimeout(resolve, ms));

const operatorId = () => `13${String(Math.floor(Math.random() * 1e15)).padStart(17, "0")}`;

describe("hole 2: nothing a request says reaches the operators' report as Markdown", () => {
  it("shows neither the masked link of a forged key id nor a crafted path in /maxis report", async () => {
    const masked = "[Key rotation required: click](https://evil.example/k)";
    const forged = await binding.fetch("https://maxis.internal/control/v1/status", {
      method: "POST",
      headers: {
        "X-Control-Key-Id": masked,
        "X-Control-Timestamp": String(Math.floor(Date.now() / 1000)),
        "X-Control-Nonce": freshNonce(),
        "X-Control-Signature": `v1=${"0".repeat(64)}`,
      },
      body: "{}",
    });
    expect(forged.status).toBe(401);
    const crafted = await binding.fetch(
      "https://maxis.internal/control/v1/[Rotate now](https:/evil.example/p)%20@everyone",
      { method: "POST", body: "{}" },
    );
    expect(crafted.status).toBe(401);
    await settle();

    const run = await runMaxis("/maxis report period:24h target:maxis");
    const edit = run.edit as unknown as {
      body: { embeds: { fields: { name: string; value: string }[] }[] };
      files: { name: string; content: string }[];
    };
    const embed = JSON.stringify(edit.body.embeds);
    const file = edit.files[0]?.content ?? "";
    for (const shown of [embed, file]) {
      expect(shown).not.toContain("evil.example");
      expect(shown).not.toContain("Key rotation required");
      expect(shown).not.toContain("@everyone");
    }
    expect(edit.body.embeds[0]?.fields.map((f) => f.name)).toContain(
      "Refused calls (bad or missing signature)",
    );
    expect(file).toMatch(
      /## Refused calls \(bad or missing signature\)\n\n(- .+\n)*- unknown\\_key: \d+ \(last /,
    );
  });
});

describe("hole 3: no row, no action", () => {
  it("refuses a NUL in a signed body before anything runs, and records the call", async () => {
    const id = operatorId();
    const call = await signedCall(binding, maxis, "execute", {
      operator: { id, name: "operator" },
      operation: "maintenance",
      args: ["on"],
      note: "x\u0000",
    });
    expect(call.status).toBe(400);
    expect(call.json).toEqual({
      error: {
        code: "invalid_characters",
        message:
          "The request was refused: note contains a character Maxis does not accept (NUL or another control character). Nothing ran.",
      },
    });
    expect(await maintenanceIsOff()).toBe(true);
    const nonce = call.headers["X-Control-Nonce"];
    expect(await waitForAudit((r) => r.nonce === nonce)).toMatchObject({
      action: "execute",
      outcome: "rejected",
      code: "invalid_characters",
      operatorId: id,
      keyId: "primary",
    });
  });

  it("starts no giveaway for a prize with a NUL, and Shellia says why before calling", async () => {
    const call = await signedCall(binding, maxis, "giveaway", {
      prize: "Nitro\u0000",
      duration: "1h",
      winners: 1,
      guildId: "1300000000000000001",
      channelId: "1300000000000000002",
    });
    expect(call.status).toBe(400);
    expect(call.json).toMatchObject({ error: { code: "invalid_characters" } });
    const nonce = call.headers["X-Control-Nonce"];
    expect(await waitForAudit((r) => r.nonce === nonce)).toMatchObject({
      action: "giveaway",
      outcome: "rejected",
      code: "invalid_characters",
    });
  });

  it("has Shellia refuse such an option before it calls any Maxis, in the operator's language", async () => {
    const interaction = commandInteraction(
      { userId: LOCAL_ADMIN_ID, locale: "fr" },
      parseCommandLine(
        "/maxis giveaway prize:Nitro\u0000 duration:1h channel:1300000000000000020 target:maxis",
        definitions,
      ),
    );
    const { response } = await sendInteraction(exports.default, interaction);
    expect(response).toMatchObject({
      type: InteractionResponseType.ChannelMessageWithSource,
      data: {
        content:
          "Votre saisie contient un caractère qui ne peut pas être enregistré (U+0000). Retirez-le et réessayez.",
        flags: MessageFlags.Ephemeral,
      },
    });
  });

  it.each([
    ["POST", "/control/v1/status/", 404, "not_found", "unknown"],
    ["POST", "/control/v1//status", 404, "not_found", "unknown"],
    ["POST", "/control/v1/status/extra", 404, "not_found", "unknown"],
    ["POST", "/control/v1/shutdown", 404, "unknown_action", "unknown"],
    ["GET", "/control/v1/status", 405, "method_not_allowed", "status"],
    ["PUT", "/control/v1/execute", 405, "method_not_allowed", "execute"],
  ] as const)(
    "records a signed %s %s as one row, and its nonce cannot be used again",
    async (method, path, status, code, action) => {
      const body =
        method === "GET"
          ? ""
          : JSON.stringify({ operator: { id: operatorId(), name: "operator" }, ...attack });
      const first = await rawSignedCall(binding, maxis, { method, path, body });
      expect(first.status).toBe(status);
      expect(first.json).toMatchObject({ error: { code, message: expect.any(String) } });
      const row = await waitForAudit((r) => r.nonce === first.nonce);
      expect(row).toMatchObject({ action, outcome: "rejected", code, method, keyId: "primary" });
      const replay = await rawSignedCall(binding, maxis, { method, path, body, nonce: first.nonce });
      expect(replay.status).toBe(401);
      expect(replay.json).toMatchObject({ error: { code: "replayed_nonce" } });
      expect((await recentAudit()).filter((r) => r.nonce === first.nonce)).toHaveLength(1);
      expect(await maintenanceIsOff()).toBe(true);
    },
  );

  it("finishes the row of a call that ran: pending before, accepted after", async () => {
    const call = await signedCall(binding, maxis, "status", {});
    expect(call.status).toBe(200);
    const nonce = call.headers["X-Control-Nonce"];
    expect(await waitForAudit((r) => r.nonce === nonce && r.outcome === "accepted")).toMatchObject({
      action: "status",
      code: "ok",
      method: "POST",
    });
  });
});

describe("hole 3: junk cannot flood the trail", () => {
  it("counts 200 unsigned requests in the refused calls, and writes no row for them", async () => {
    const since = Date.now();
    const answers = await Promise.all(
      Array.from({ length: 200 }, () =>
        binding.fetch("https://maxis.internal/control/v1/status", { method: "POST", body: "{}" }),
      ),
    );
    expect(answers.every((answer) => answer.status === 401)).toBe(true);
    await settle(2_000);
    const rows = (await recentAudit()).filter((r) => new Date(r.at).getTime() >= since - 1_000);
    expect(rows.filter((r) => r.keyId === null)).toEqual([]);
    // Counted instead: at least these 200 in the last minutes (other tests add their own).
    expect(await waitForRefusals("missing_headers", 0, 200, null, 20_000)).toBeGreaterThanOrEqual(200);
  }, 30_000);
});

describe("hardening: the signature covers the query string, or the request is refused", () => {
  it("refuses a signed request that carries a query, and runs nothing", async () => {
    const { status, json } = await signedCall(binding, maxis, "execute", attack, {
      query: "?maintenance=on",
    });
    expect(status).toBe(401);
    expect(json).toEqual({
      error: { code: "query_not_signed", message: "The signature does not cover a query string: send none." },
    });
    expect(await maintenanceIsOff()).toBe(true);
    expect(await waitForRefusals("query_not_signed", 0, 1, "primary")).toBeGreaterThan(0);
  });
});
