/**
 * Shellia's interaction boundary: malformed signed bodies and the timestamp window (the table shared
 * with Maxis), and a replayed `/maxis` command, which must reach Maxis once.
 */
import { exports } from "cloudflare:workers";
import { InteractionResponseType } from "discord-api-types/v10";
import { describe, expect, it } from "vitest";
import { commandInteraction, parseCommandLine } from "../../../scripts/lib/interaction-builder";
import { LOCAL_ADMIN_ID } from "../../../scripts/lib/local-identities";
import { waitForDiscordRequests } from "../support/discord";
import { deliverOk, describeInteractionBoundary, signRequest } from "../support/interaction-boundary";
import { definitions } from "./control-support";

const worker = () => exports.default;

describeInteractionBoundary("Shellia", worker);

describe("Shellia: the same signed interaction sent twice runs once", () => {
  it("runs a /maxis command delivered twice once, and tells the second delivery why, in French", async () => {
    const interaction = commandInteraction(
      { userId: LOCAL_ADMIN_ID, administrator: true, locale: "fr" },
      parseCommandLine("/maxis status target:maxis", definitions),
    );
    const request = await signRequest(JSON.stringify(interaction));
    const first = await deliverOk(worker(), request);
    expect(first.type).toBe(InteractionResponseType.DeferredChannelMessageWithSource);
    expect(await deliverOk(worker(), request)).toEqual({
      type: InteractionResponseType.ChannelMessageWithSource,
      data: {
        content: "Cette interaction a déjà été traitée ; elle n'a pas été relancée.",
        allowed_mentions: { parse: [] },
        flags: 64,
      },
    });
    // One run, one edit of the deferred answer. (Waits for a second edit that must not come.)
    const edits = await waitForDiscordRequests(interaction.token, 2, 3_000);
    expect(edits).toHaveLength(1);
    expect((edits[0]?.body as { content?: string } | undefined)?.content).toMatch(
      /^\*\*maxis\*\* est en ligne/,
    );
  });
});
