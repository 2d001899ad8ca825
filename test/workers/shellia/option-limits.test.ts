/**
 * Discord enforces the limits Shellia declares on its options (max_length, min/max values), but a
 * forged or replayed interaction is not bound by them: Shellia refuses it itself, in the operator's
 * language, before anything reaches a Maxis (never a truncated call).
 */
import { exports } from "cloudflare:workers";
import { InteractionResponseType } from "discord-api-types/v10";
import { describe, expect, it } from "vitest";
import { commandInteraction, parseCommandLine } from "../../../scripts/lib/interaction-builder";
import { LOCAL_ADMIN_ID } from "../../../scripts/lib/local-identities";
import { sendInteraction } from "../support/discord";
import { definitions } from "./control-support";

async function answer(line: string, locale: string) {
  const interaction = commandInteraction(
    { userId: LOCAL_ADMIN_ID, administrator: true, locale },
    parseCommandLine(line, definitions),
  );
  return (await sendInteraction(exports.default, interaction)).response;
}

const privately = (content: string) => ({
  type: InteractionResponseType.ChannelMessageWithSource,
  data: { content, allowed_mentions: { parse: [] }, flags: 64 },
});

describe("Shellia refuses option values beyond the limits it declares", () => {
  it("refuses a prize longer than 256 characters, in English and in French, without calling Maxis", async () => {
    const line = `/maxis giveaway prize:${"x".repeat(257)} duration:1h channel:1300000000000000020 target:maxis`;
    expect(await answer(line, "en-US")).toEqual(
      privately(
        "The option “prize” takes at most 256 characters (257 sent): shorten it and run the command again.",
      ),
    );
    expect(await answer(line, "fr")).toEqual(
      privately(
        "L'option « lot » accepte au plus 256 caractères (257 envoyés) : raccourcissez-la et relancez la commande.",
      ),
    );
  });

  it("refuses an /ask request longer than 400 characters, and a number out of its range", async () => {
    expect(await answer(`/ask request:${"a".repeat(401)}`, "fr")).toEqual(
      privately(
        "L'option « demande » accepte au plus 400 caractères (401 envoyés) : raccourcissez-la et relancez la commande.",
      ),
    );
    expect(await answer("/maxis promo percent:95 plan:pro duration:1h target:maxis", "en-US")).toEqual(
      privately("The option “percent” must be between 1 and 90 (95 sent): run the command again."),
    );
  });
});
