import { InteractionResponseType, MessageFlags } from "discord-api-types/payloads/v10";
import type { APIInteraction, APIInteractionResponse } from "discord-api-types/v10";
import { describe, expect, it } from "vitest";
import {
  buttonInteraction,
  commandInteraction,
  modalSubmitInteraction,
  pingInteraction,
} from "../../../scripts/lib/interaction-builder";
import { option, readOptions } from "./command-definition";
import type { InteractionHandlers } from "./handlers";
import { CommandOptions } from "./options";
import { ephemeral, reply } from "./responses";
import { routeInteraction } from "./router";

const member = { userId: "1300000000000000111" };
const runtime = { env: { name: "test" }, waitUntil: () => {} };

/** A tiny app whose handlers echo what the router handed them. */
const handlers: InteractionHandlers<{ name: string }> = {
  commands: [
    {
      data: { name: "echo", description: "echo" },
      run: ({ user, locale, env }) => reply(`${user.id} ${locale} ${env.name}`),
    },
    {
      // Reads a required option the way every command does; a forged interaction may leave it out.
      data: { name: "prize", description: "needs a prize" },
      run: ({ interaction }) => {
        const declared = [option.string("prize", "command.giveaway.option.prize", { required: true })];
        const { prize } = readOptions(new CommandOptions(interaction.data), declared);
        return reply(prize);
      },
    },
    {
      data: { name: "boom", description: "fails" },
      run: () => {
        throw new Error("handler bug");
      },
    },
  ],
  components: [{ prefix: "page", run: (_ctx, args) => ephemeral(`page ${args.join("/")}`) }],
  modals: [
    {
      prefix: "form",
      run: ({ interaction }, args) =>
        ephemeral(`form ${args[0]} ${JSON.stringify(interaction.data.components)}`),
    },
  ],
};

const contentOf = (response: APIInteractionResponse) =>
  response.type === InteractionResponseType.ChannelMessageWithSource ? response.data.content : undefined;

describe("routeInteraction", () => {
  it("answers PING with PONG without touching any handler", async () => {
    expect(await routeInteraction(handlers, pingInteraction(), runtime)).toEqual({
      type: InteractionResponseType.Pong,
    });
  });

  it("hands a command the acting user, their language and the env", async () => {
    const interaction = commandInteraction({ ...member, locale: "fr" }, { name: "echo", options: [] });
    expect(contentOf(await routeInteraction(handlers, interaction, runtime))).toBe(
      "1300000000000000111 fr test",
    );
  });

  it("answers a command missing a required option, or giving it the wrong type, as invalid input", async () => {
    const missing = commandInteraction({ ...member, locale: "fr" }, { name: "prize", options: [] });
    expect(contentOf(await routeInteraction(handlers, missing, runtime))).toBe(
      "L'option « prize » manque ou n'est pas du bon type : relancez la commande depuis la liste des commandes de Discord.",
    );
    const wrongType = commandInteraction(member, {
      name: "prize",
      options: [{ name: "prize", type: 4, value: 42 }],
    } as never);
    expect(contentOf(await routeInteraction(handlers, wrongType, runtime))).toBe(
      "The option “prize” is missing or not of the right kind: run the command again from Discord's command list.",
    );
  });

  it("routes buttons by custom_id prefix and passes the rest as arguments", async () => {
    const response = await routeInteraction(handlers, buttonInteraction(member, "page:open:2"), runtime);
    expect(contentOf(response)).toBe("page open/2");
  });

  it("routes modal submits by custom_id prefix", async () => {
    const response = await routeInteraction(
      handlers,
      modalSubmitInteraction(member, "form:create", { subject: "Hi" }),
      runtime,
    );
    expect(contentOf(response)).toMatch(/^form create .*"value":"Hi"/);
  });

  it("tells the member privately, in their language, when a button has expired", async () => {
    const response = await routeInteraction(
      handlers,
      buttonInteraction({ ...member, locale: "fr" }, "gone:1"),
      runtime,
    );
    expect(response).toMatchObject({
      type: InteractionResponseType.ChannelMessageWithSource,
      data: {
        content: "Ce bouton ou ce formulaire a expiré. Relancez la commande.",
        flags: MessageFlags.Ephemeral,
      },
    });
  });

  it("turns a failing handler into a private, generic error instead of a broken interaction", async () => {
    const response = await routeInteraction(
      handlers,
      commandInteraction(member, { name: "boom", options: [] }),
      runtime,
    );
    expect(response).toMatchObject({
      data: {
        content: "Something went wrong on our side. Please try again in a moment.",
        flags: MessageFlags.Ephemeral,
      },
    });
  });

  it("answers an interaction type it does not know privately, instead of falling through", async () => {
    const interaction = {
      ...commandInteraction({ ...member, locale: "fr" }, { name: "echo", options: [] }),
      type: 99,
    } as unknown as APIInteraction;
    expect(await routeInteraction(handlers, interaction, runtime)).toMatchObject({
      type: InteractionResponseType.ChannelMessageWithSource,
      data: { content: "Je ne sais pas traiter ce type d'interaction.", flags: MessageFlags.Ephemeral },
    });
  });

  it("answers autocomplete for a command without suggestions with an empty list", async () => {
    const interaction = commandInteraction(member, { name: "echo", options: [] }, true);
    expect(await routeInteraction(handlers, interaction, runtime)).toEqual({
      type: InteractionResponseType.ApplicationCommandAutocompleteResult,
      data: { choices: [] },
    });
  });
});
