import { exports } from "cloudflare:workers";
import { InteractionResponseType, MessageFlags } from "discord-api-types/v10";
import { describe, expect, it } from "vitest";
import { commandInteraction, parseCommandLine } from "../../../scripts/lib/interaction-builder";
import { LOCAL_ADMIN_ID, LOCAL_MEMBER_ID } from "../../../scripts/lib/local-identities";
import { shelliaHandlers } from "../../../src/shellia/commands";
import { sendInteraction, waitForDiscordRequests } from "../support/discord";

const definitions = shelliaHandlers.commands.map((command) => command.data);

describe("/maxis status", () => {
  it("defers, asks Maxis through the service binding, then edits the answer in", async () => {
    const interaction = commandInteraction(
      { userId: LOCAL_ADMIN_ID, administrator: true },
      parseCommandLine("/maxis status", definitions),
    );
    const { response } = await sendInteraction(exports.default, interaction);
    expect(response).toEqual({
      type: InteractionResponseType.DeferredChannelMessageWithSource,
      data: { flags: MessageFlags.Ephemeral },
    });

    const [edit] = await waitForDiscordRequests(interaction.token);
    expect(edit?.method).toBe("PATCH");
    expect(edit?.path).toBe(
      `/webhooks/${interaction.application_id}/${interaction.token}/messages/@original`,
    );
    expect(edit?.body).toMatchObject({
      allowed_mentions: { parse: [] },
      content: expect.stringMatching(/^\*\*maxis\*\* is up \(version \d+\.\d+\.\d+, answered in \d+ ms\)\.$/),
    });
  });

  it("refuses a member who is not an operator, in French, without contacting Maxis", async () => {
    const interaction = commandInteraction(
      { userId: LOCAL_MEMBER_ID, administrator: true, locale: "fr" },
      parseCommandLine("/maxis status", definitions),
    );
    const { response } = await sendInteraction(exports.default, interaction);
    expect(response).toMatchObject({
      type: InteractionResponseType.ChannelMessageWithSource,
      data: {
        content: "Seuls les opérateurs de Shellia peuvent lancer cette commande.",
        flags: MessageFlags.Ephemeral,
      },
    });
    expect(await waitForDiscordRequests(interaction.token, 1, 300)).toEqual([]);
  });

  it("offers the configured Maxis bots as autocomplete choices", async () => {
    const interaction = commandInteraction(
      { userId: LOCAL_ADMIN_ID },
      parseCommandLine("/maxis status target:ma", definitions, "target"),
      true,
    );
    const { response } = await sendInteraction(exports.default, interaction);
    expect(response).toEqual({
      type: InteractionResponseType.ApplicationCommandAutocompleteResult,
      data: { choices: [{ name: "maxis", value: "maxis" }] },
    });
  });
});
