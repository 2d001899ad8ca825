import { ApplicationCommandOptionType, ApplicationCommandType } from "discord-api-types/payloads/v10";
import { describe, expect, expectTypeOf, it } from "vitest";
import { guildCommand, MissingOptionError, option, readOptions, subcommand } from "./command-definition";
import { CommandOptions } from "./options";

const start = subcommand("start", "command.giveaway.start", [
  option.integer("winners", "command.giveaway.option.winners", { min_value: 1 }),
  option.string("prize", "command.giveaway.option.prize", { required: true }),
  option.channel("channel", "command.giveaway.option.channel"),
]);

const invoked = (values: { name: string; type: ApplicationCommandOptionType; value: string | number }[]) =>
  new CommandOptions({
    id: "1",
    name: "giveaway-staff",
    type: ApplicationCommandType.ChatInput,
    options: [{ type: ApplicationCommandOptionType.Subcommand, name: "start", options: values as never }],
  });

describe("the shared command builder", () => {
  it("names and describes options in English and French from the catalogue, required ones first", () => {
    expect(start.options.map((o) => o.name)).toEqual(["prize", "winners", "channel"]);
    expect(start).toMatchObject({
      name: "start",
      name_localizations: { fr: "lancer" },
      description_localizations: { fr: "Lancer un concours" },
    });
    expect(start.options[0]).toMatchObject({
      name: "prize",
      name_localizations: { fr: "lot" },
      required: true,
      description: "What the winners get (up to 256 characters)",
    });
  });

  it("makes every command a guild-installed, guild-only command; permissions only when asked", () => {
    const member = guildCommand({ name: "giveaway", description: "command.giveaway.description" });
    expect(member).toEqual({
      name: "giveaway",
      description: "Giveaways: see the ones running in this server",
      description_localizations: { fr: "Concours : voir ceux en cours sur ce serveur" },
      integration_types: [0],
      contexts: [0],
    });
    const staff = guildCommand({
      name: "giveaway-staff",
      description: "command.giveaway_staff.description",
      defaultMemberPermissions: 1n << 13n,
      options: [start],
    });
    expect(staff.default_member_permissions).toBe("8192");
  });

  it("reads option values typed from the definition", () => {
    const values = readOptions(
      invoked([
        { name: "prize", type: ApplicationCommandOptionType.String, value: "Nitro" },
        { name: "winners", type: ApplicationCommandOptionType.Integer, value: 3 },
      ]),
      start.options,
    );
    expect(values).toEqual({ prize: "Nitro", winners: 3, channel: undefined });
    expectTypeOf(values.prize).toEqualTypeOf<string>();
    expectTypeOf(values.winners).toEqualTypeOf<number | undefined>();
    expectTypeOf(values.channel).toEqualTypeOf<string | undefined>();
  });

  it("refuses a command without a required option, or with one of the wrong type", () => {
    expect(() => readOptions(invoked([]), start.options)).toThrow(MissingOptionError);
    expect(() =>
      readOptions(
        invoked([{ name: "prize", type: ApplicationCommandOptionType.Integer, value: 5 }]),
        start.options,
      ),
    ).toThrow(MissingOptionError);
  });
});
