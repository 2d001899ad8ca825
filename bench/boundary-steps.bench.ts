/**
 * The interaction boundary's steps one at a time, in Node (not workerd): the Ed25519 check in Node's
 * WebCrypto, JSON parsing with the envelope's valibot schema, and the router answering a command no
 * handler owns (an empty handler list, so no feature, no ledger and no I/O). A micro-benchmark to
 * compare the steps with each other; what an interaction costs a deployed Worker end to end, and
 * against the floor, is `npm run bench:load` (bench/load/). `npm run bench` prints vitest's table.
 */
import { bench, describe } from "vitest";
import { discordSignatureHeaders, generateEd25519KeyPair } from "../scripts/lib/ed25519";
import { commandInteraction, pingInteraction } from "../scripts/lib/interaction-builder";
import { LOCAL_MEMBER_ID } from "../scripts/lib/local-identities";
import { parseInteraction } from "../src/shared/discord/envelope";
import { routeInteraction } from "../src/shared/discord/router";
import { verifyDiscordSignature } from "../src/shared/discord/signature";
import { benchOptions } from "./smoke";

const keys = await generateEd25519KeyPair();
const body = JSON.stringify(pingInteraction());
const headers = await discordSignatureHeaders(keys.privateKey, body);
const unknownCommand = commandInteraction({ userId: LOCAL_MEMBER_ID }, { name: "unknown", options: [] });
const unknownCommandBody = JSON.stringify(unknownCommand);
const runtime = { env: {}, waitUntil: () => {} };

describe("interaction boundary steps, in Node", () => {
  bench(
    "verify Ed25519 signature",
    async () => {
      await verifyDiscordSignature(
        keys.publicKey,
        headers["X-Signature-Ed25519"],
        headers["X-Signature-Timestamp"],
        body,
      );
    },
    benchOptions(),
  );

  bench(
    "parse + validate the envelope (a command)",
    () => {
      parseInteraction(JSON.parse(unknownCommandBody));
    },
    benchOptions(),
  );

  bench(
    "route a command no handler owns (empty router, localized reply)",
    async () => {
      await routeInteraction({ commands: [] }, JSON.parse(JSON.stringify(unknownCommand)), runtime);
    },
    benchOptions(),
  );
});
