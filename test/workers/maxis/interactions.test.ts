import { exports } from "cloudflare:workers";
import { InteractionResponseType, MessageFlags } from "discord-api-types/v10";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { discordSignatureHeaders, generateEd25519KeyPair } from "../../../scripts/lib/ed25519";
import { commandInteraction, pingInteraction } from "../../../scripts/lib/interaction-builder";
import { LOCAL_MEMBER_ID } from "../../../scripts/lib/local-identities";
import { sendInteraction } from "../support/discord";

const worker = exports.default;

async function post(body: string, headers: Record<string, string>) {
  return worker.fetch("https://maxis.test/interactions", { method: "POST", headers, body });
}

// The first request loads Maxis's module graph into the test runner: seconds on a busy machine.
beforeAll(() => worker.fetch("https://maxis.test/health"), 60_000);

describe("Maxis /interactions signature check", () => {
  const body = JSON.stringify(pingInteraction());

  it("answers a signed PING with PONG", async () => {
    const res = await post(body, await discordSignatureHeaders(inject("discordPrivateKey"), body));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ type: 1 });
  });

  it("rejects a request without signature headers", async () => {
    expect((await post(body, {})).status).toBe(401);
  });

  it("rejects a request signed with another key", async () => {
    const stranger = await generateEd25519KeyPair();
    expect((await post(body, await discordSignatureHeaders(stranger.privateKey, body))).status).toBe(401);
  });

  it("rejects a tampered body", async () => {
    const headers = await discordSignatureHeaders(inject("discordPrivateKey"), body);
    expect((await post(body.replace('"type":1', '"type":2'), headers)).status).toBe(401);
  });

  it("rejects a tampered timestamp", async () => {
    const headers = await discordSignatureHeaders(inject("discordPrivateKey"), body, "1700000000");
    expect((await post(body, { ...headers, "X-Signature-Timestamp": "1700000001" })).status).toBe(401);
  });

  it("rejects a malformed signature before parsing a malformed body", async () => {
    const res = await post("{not json", { "X-Signature-Ed25519": "zz", "X-Signature-Timestamp": "1" });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: { code: "invalid_signature" } });
  });
});

describe("Maxis interaction routing", () => {
  it("answers an unknown command privately, in the member's language", async () => {
    const actor = { userId: LOCAL_MEMBER_ID, locale: "fr" };
    const { response } = await sendInteraction(
      worker,
      commandInteraction(actor, { name: "nope", options: [] }),
    );
    expect(response.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    if (response.type !== InteractionResponseType.ChannelMessageWithSource) return;
    expect(response.data.flags).toBe(MessageFlags.Ephemeral);
    expect(response.data.content).toMatch(/Je ne connais pas cette commande/);
    expect(response.data.allowed_mentions).toEqual({ parse: [] });
  });
});
