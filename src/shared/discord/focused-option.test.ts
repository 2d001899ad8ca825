import { ApplicationCommandOptionType, ApplicationCommandType } from "discord-api-types/payloads/v10";
import { describe, expect, expectTypeOf, it } from "vitest";
import { focusedOption, option } from "./command-definition";
import { CommandOptions } from "./options";

const prize = option.string("prize", "command.giveaway.option.prize", { required: true, autocomplete: true });
const winners = option.integer("winners", "command.giveaway.option.winners", { autocomplete: true });

const typing = (
  options: { name: string; type: ApplicationCommandOptionType; value: string | number; focused?: boolean }[],
) =>
  new CommandOptions({
    id: "1",
    name: "giveaway-staff",
    type: ApplicationCommandType.ChatInput,
    options: [{ type: ApplicationCommandOptionType.Subcommand, name: "start", options: options as never }],
  });

describe("the focused option during autocomplete", () => {
  it("is the declared option the member is typing in, with what they typed as text", () => {
    const options = typing([
      { name: "prize", type: ApplicationCommandOptionType.String, value: "Nit", focused: true },
      { name: "winners", type: ApplicationCommandOptionType.Integer, value: 2 },
    ]);
    expect(focusedOption(options, [prize, winners])).toEqual({ name: "prize", value: "Nit" });
    // Discord sends a number option's partial input as it was typed.
    const onWinners = typing([
      { name: "winners", type: ApplicationCommandOptionType.Integer, value: "1", focused: true },
    ]);
    expect(focusedOption(onWinners, [prize, winners])).toEqual({ name: "winners", value: "1" });
  });

  it("is nothing when no option is focused, or when the focused one is not declared (a forged name)", () => {
    expect(
      focusedOption(typing([{ name: "prize", type: ApplicationCommandOptionType.String, value: "x" }]), [
        prize,
      ]),
    ).toBeUndefined();
    const forged = typing([
      { name: "channel", type: ApplicationCommandOptionType.String, value: "gen", focused: true },
    ]);
    expect(focusedOption(forged, [prize, winners])).toBeUndefined();
  });

  it("types the name from the definitions, so a renamed option does not compile", () => {
    const focused = focusedOption(typing([]), [prize, winners]);
    expectTypeOf(focused).toEqualTypeOf<
      { readonly name: "prize" | "winners"; readonly value: string } | undefined
    >();
    // @ts-expect-error "lot" is no option's name
    expect(focused?.name === "lot").toBe(false);
  });
});
