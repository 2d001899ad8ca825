import { exports } from "cloudflare:workers";
import { type APIEmbed, InteractionResponseType, MessageFlags } from "discord-api-types/v10";
import { describe, expect, it } from "vitest";
import { commandInteraction, parseCommandLine } from "../../../scripts/lib/interaction-builder";
import { LOCAL_MEMBER_ID } from "../../../scripts/lib/local-identities";
import { maxisHandlers } from "../../../src/maxis/commands";
import { sendInteraction } from "../support/discord";

const definitions = maxisHandlers.commands.map((command) => command.data);
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");

async function shopEmbed(locale: string): Promise<APIEmbed> {
  const { response } = await sendInteraction(
    exports.default,
    commandInteraction({ userId: LOCAL_MEMBER_ID, locale }, parseCommandLine("/shop", definitions)),
  );
  if (response.type !== InteractionResponseType.ChannelMessageWithSource) throw new Error("no message");
  expect(response.data?.flags).toBe(MessageFlags.Ephemeral);
  expect(response.data?.allowed_mentions).toEqual({ parse: [] });
  const embed = response.data?.embeds?.[0];
  if (!embed) throw new Error(`no embed: ${JSON.stringify(response.data)}`);
  return embed;
}

describe("/shop", () => {
  it("lists the seeded plans with the promoted price and a countdown, in French", async () => {
    const embed = await shopEmbed("fr");
    expect(embed.title).toBe("Boutique");
    const fields = new Map((embed.fields ?? []).map((f) => [f.name, plain(f.value)]));
    expect(fields.get("Basic")).toMatch(/^\*\*4,99 €\*\*/);
    // The seed runs a promotion on Pro; whichever is best, it shows struck price, new price and end.
    expect(fields.get("Pro")).toMatch(/^~~12,99 €~~ \*\*\d+,\d\d €\*\* \(−\d+ %\), fin <t:\d+:R>/);
  });

  it("formats prices for English speakers", async () => {
    const embed = await shopEmbed("en-US");
    const fields = new Map((embed.fields ?? []).map((f) => [f.name, f.value]));
    expect(fields.get("Premium")).toMatch(/^\*\*€29\.99\*\*/);
    expect(fields.get("Pro")).toMatch(/^~~€12\.99~~ \*\*€\d+\.\d\d\*\* \(−\d+ %\), ends <t:\d+:R>/);
  });
});
