import { exports } from "cloudflare:workers";
import {
  type APIEmbed,
  type APIInteraction,
  type APIUser,
  InteractionResponseType,
  MessageFlags,
} from "discord-api-types/v10";
import { describe, expect, it } from "vitest";
import { commandInteraction, parseCommandLine } from "../../../scripts/lib/interaction-builder";
import { LOCAL_MEMBER_ID } from "../../../scripts/lib/local-identities";
import { maxisHandlers } from "../../../src/maxis/commands";
import { sendInteraction } from "../support/discord";

const definitions = maxisHandlers.commands.map((command) => command.data);
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");

/** The seed's second server: it sells its own plan, under the same key `pro`. */
const OTHER_GUILD_ID = "1300000000000000920";

async function shopAnswer(interaction: APIInteraction) {
  const { response } = await sendInteraction(exports.default, interaction);
  if (response.type !== InteractionResponseType.ChannelMessageWithSource) throw new Error("no message");
  expect(response.data?.flags).toBe(MessageFlags.Ephemeral);
  expect(response.data?.allowed_mentions).toEqual({ parse: [] });
  return response.data;
}

async function shopEmbed(locale: string, guildId?: string): Promise<APIEmbed> {
  const data = await shopAnswer(
    commandInteraction(
      { userId: LOCAL_MEMBER_ID, locale, ...(guildId ? { guildId } : {}) },
      parseCommandLine("/shop", definitions),
    ),
  );
  const embed = data?.embeds?.[0];
  if (!embed) throw new Error(`no embed: ${JSON.stringify(data)}`);
  return embed;
}

// The first interaction starts Maxis in workerd, which takes seconds on a busy machine.
describe("/shop", { timeout: 20_000 }, () => {
  it("lists the seeded plans with the promoted price and a countdown, in French", async () => {
    const embed = await shopEmbed("fr");
    expect(embed.title).toBe("Boutique");
    const fields = new Map((embed.fields ?? []).map((f) => [f.name, plain(f.value)]));
    // Named in French where the admins wrote a French name.
    expect(fields.get("Basique")).toMatch(/^\*\*4,99 €\*\*/);
    expect(fields.get("À vie")).toMatch(/^\*\*149,00 €\*\*/);
    // The seed runs a promotion on Pro; whichever is best, it shows struck price, new price and end.
    expect(fields.get("Pro")).toMatch(/^~~12,99 €~~ \*\*\d+,\d\d €\*\* \(−\d+ %\), fin <t:\d+:R>/);
  });

  it("formats prices for English speakers", async () => {
    const embed = await shopEmbed("en-US");
    const fields = new Map((embed.fields ?? []).map((f) => [f.name, f.value]));
    expect(fields.get("Premium")).toMatch(/^\*\*€29\.99\*\*/);
    expect(fields.get("Pro")).toMatch(/^~~€12\.99~~ \*\*€\d+\.\d\d\*\* \(−\d+ %\), ends <t:\d+:R>/);
  });

  it("shows each server its own plans: the same key sells something else on another server", async () => {
    const here = (await shopEmbed("en-US")).fields?.map((f) => f.name);
    expect(here?.slice(0, 4)).toEqual(["Basic", "Pro", "Premium", "Lifetime"]);
    expect(here).not.toContain("Other server Pro");

    const there = await shopEmbed("en-US", OTHER_GUILD_ID);
    const names = there.fields?.map((f) => f.name) ?? [];
    expect(names).toContain("Other server Pro");
    expect(names).not.toContain("Basic");
    expect(names).not.toContain("Pro");
    expect(there.fields?.find((f) => f.name === "Other server Pro")?.value).toMatch(/^\*\*\$9\.00\*\*/);
    // Pro's promotion runs on the first server only.
    expect(there.fields?.every((f) => !f.value.includes("~~"))).toBe(true);
  });

  it("shows nothing for sale in a server without plans, nor in a DM", async () => {
    const empty = await shopAnswer(
      commandInteraction(
        { userId: LOCAL_MEMBER_ID, guildId: "1300000000000000999" },
        parseCommandLine("/shop", definitions),
      ),
    );
    expect(empty).toMatchObject({ content: "There is nothing for sale right now." });

    const inGuild = commandInteraction({ userId: LOCAL_MEMBER_ID }, parseCommandLine("/shop", definitions));
    const {
      guild_id: _guild,
      member,
      channel: _channel,
      ...rest
    } = inGuild as APIInteraction & {
      member: { user: APIUser };
    };
    const dm = {
      ...rest,
      user: member.user,
      context: 1,
      channel: { id: LOCAL_MEMBER_ID, type: 1 },
    } as unknown as APIInteraction;
    const answer = await shopAnswer(dm);
    expect(JSON.stringify(answer)).not.toMatch(/Basic|Pro|Premium|Lifetime|€/);
  });
});
