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

async function answer(
  line: string,
  locale: string,
  forge?: (options: { name: string; value?: unknown }[]) => void,
) {
  const parsed = parseCommandLine(line, definitions);
  // A forged interaction: a value Discord's own checks would never let through.
  const [subcommand] = parsed.options as unknown as { options: { name: string; value?: unknown }[] }[];
  if (forge && subcommand) forge(subcommand.options);
  const interaction = commandInteraction({ userId: LOCAL_ADMIN_ID, administrator: true, locale }, parsed);
  return (await sendInteraction(exports.default, interaction)).response;
}

const setValue = (name: string, value: unknown) => (options: { name: string; value?: unknown }[]) => {
  const option = options.find((o) => o.name === name);
  if (option) option.value = value;
};

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
        "L'option « lot » accepte au plus 256 caractères (257 envoyés) : raccourcissez-la et relancez la commande.",
      ),
    );
  });

  it("refuses an /ask request longer than 400 characters, and a number out of its range", async () => {
    expect(await answer(`/ask request:${"a".repeat(401)}`, "fr")).toEqual(
      privately(
        "L'option « demande » accepte au plus 400 caractères (401 envoyés) : raccourcissez-la et relancez la commande.",
      ),
    );
    expect(await answer("/maxis promo percent:95 plan:pro duration:1h target:maxis", "en-US")).toEqual(
      privately("The option “percent” must be between 1 and 90 (95 sent): run the command again."),
    );
  });

  it("refuses a fraction for a whole-number option instead of rounding it away (winners:2.5 is not 1 winner)", async () => {
    const line = "/maxis giveaway prize:Nitro duration:1h channel:1300000000000000020 winners:2 target:maxis";
    expect(await answer(line, "en-US", setValue("winners", 2.5))).toEqual(
      privately("The option “winners” must be a whole number (2.5 sent): run the command again."),
    );
    expect(await answer(line, "fr", setValue("winners", 2.5))).toEqual(
      privately("L'option « gagnants » doit être un nombre entier (2,5 envoyés) : relancez la commande."),
    );
  });

  it("counts characters as Discord does: 256 emoji make a prize of 256 characters, 257 are refused", async () => {
    const line = `/maxis giveaway prize:${"🎁".repeat(257)} duration:1h channel:1300000000000000020 target:maxis`;
    expect(await answer(line, "en-US")).toEqual(
      privately(
        "The option “prize” takes at most 256 characters (257 sent): shorten it and run the command again.",
      ),
    );
  });
});
