/**
 * What one interaction costs Maxis before any feature runs: the Ed25519 check, JSON parsing, the
 * envelope check and routing. Run with `npm run bench`; vitest prints ops/s and latency percentiles as a table.
 */
import { bench, describe } from "vitest";
import { discordSignatureHeaders, generateEd25519KeyPair } from "../scripts/lib/ed25519";
import { commandInteraction, pingInteraction } from "../scripts/lib/interaction-builder";
import { LOCAL_MEMBER_ID } from "../scripts/lib/local-identities";
import { parseInteraction } from "../src/shared/discord/envelope";
import { routeInteraction } from "../src/shared/discord/router";
import { verifyDiscordSignature } from "../src/shared/discord/signature";

const keys = await generateEd25519KeyPair();
const body = JSON.stringify(pingInteraction());
const headers = await discordSignatureHeaders(keys.privateKey, body);
const unknownCommand = commandInteraction({ userId: LOCAL_MEMBER_ID }, { name: "unknown", options: [] });
const unknownCommandBody = JSON.stringify(unknownCommand);
const runtime = { env: {}, waitUntil: () => {} };

describe("interaction overhead", () => {
  bench("verify Ed25519 signature", async () => {
    await verifyDiscordSignature(
      keys.publicKey,
      headers["X-Signature-Ed25519"],
      headers["X-Signature-Timestamp"],
      body,
    );
  });

  bench("parse + validate the envelope (a command)", () => {
    parseInteraction(JSON.parse(unknownCommandBody));
  });

  bench("parse + route (unknown command, localized reply)", async () => {
    await routeInteraction({ commands: [] }, JSON.parse(JSON.stringify(unknownCommand)), runtime);
  });
});
