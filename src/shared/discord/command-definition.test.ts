import { ApplicationCommandOptionType, ApplicationCommandType } from "discord-api-types/payloads/v10";
import { describe, expect, expectTypeOf, it } from "vitest";
import {
  focusedOption,
  guildCommand,
  MissingOptionError,
  option,
  readOptions,
  subcommand,
} from "./command-definition";
import { CommandOptions } from "./options";

const start = subcommand("start", "command.giveaway.start", [
  option.integer("winners", "command.giveaway.option.winners", { min_value: 1 }),
  option.string("prize", "command.giveaway.option.prize", { required: true }),
  option.channel("channel", "command.giveaway.option.channel"),
]);

type Sent = { name: string; type: ApplicationCommandOptionType; value: string | number; focused?: boolean };

const invoked = (values: Sent[]) =>
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

describe("the focused option during autocomplete", () => {
  it("is the declared option the member is typing in, with what they typed as text", () => {
    const typing = invoked([
      { name: "prize", type: ApplicationCommandOptionType.String, value: "Nit", focused: true },
      { name: "winners", type: ApplicationCommandOptionType.Integer, value: 2 },
    ]);
    expect(focusedOption(typing, start.options)).toEqual({ name: "prize", value: "Nit" });
    // Discord sends a number option's partial input as it was typed.
    const onWinners = invoked([
      { name: "winners", type: ApplicationCommandOptionType.Integer, value: "1", focused: true },
    ]);
    expect(focusedOption(onWinners, start.options)).toEqual({ name: "winners", value: "1" });
  });

  it("is nothing when no option is focused, or when the focused one is not declared (a forged name)", () => {
    const notFocused = invoked([{ name: "prize", type: ApplicationCommandOptionType.String, value: "x" }]);
    expect(focusedOption(notFocused, start.options)).toBeUndefined();
    const forged = invoked([
      { name: "colour", type: ApplicationCommandOptionType.String, value: "red", focused: true },
    ]);
    expect(focusedOption(forged, start.options)).toBeUndefined();
  });

  it("types the name from the definitions, so a renamed option does not compile", () => {
    const focused = focusedOption(invoked([]), start.options);
    expectTypeOf(focused).toEqualTypeOf<
      { readonly name: "prize" | "winners" | "channel"; readonly value: string } | undefined
    >();
    // @ts-expect-error "lot" is the French name, never the one Discord sends back
    expect(focused?.name === "lot").toBe(false);
  });
});
