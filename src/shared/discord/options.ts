import { ApplicationCommandOptionType } from "discord-api-types/payloads/v10";
import type {
  APIApplicationCommandAutocompleteInteraction,
  APIApplicationCommandInteractionDataOption,
  APIChatInputApplicationCommandInteractionData,
} from "discord-api-types/v10";

type OptionValue = string | number | boolean;

/**
 * A slash command's options, flattened: the chosen subcommand (and group) plus the leaf values by name.
 * Discord nests them as group → subcommand → options; handlers should not have to.
 */
export class CommandOptions {
  readonly subcommandGroup: string | undefined;
  readonly subcommand: string | undefined;
  /** The option the member is typing in, during autocomplete. */
  readonly focused: { name: string; value: string } | undefined;
  private readonly values = new Map<string, OptionValue>();

  constructor(
    data:
      | APIChatInputApplicationCommandInteractionData
      | APIApplicationCommandAutocompleteInteraction["data"],
  ) {
    let options: readonly APIApplicationCommandInteractionDataOption[] = data.options ?? [];
    let group: string | undefined;
    let subcommand: string | undefined;
    let focused: { name: string; value: string } | undefined;
    for (;;) {
      const [first] = options;
      if (first?.type === ApplicationCommandOptionType.SubcommandGroup) {
        group = first.name;
        options = first.options;
      } else if (first?.type === ApplicationCommandOptionType.Subcommand) {
        subcommand = first.name;
        options = first.options ?? [];
      } else break;
    }
    for (const option of options) {
      if (!("value" in option)) continue;
      this.values.set(option.name, option.value);
      if ("focused" in option && option.focused) focused = { name: option.name, value: String(option.value) };
    }
    this.subcommandGroup = group;
    this.subcommand = subcommand;
    this.focused = focused;
  }

  string(name: string): string | undefined {
    const value = this.values.get(name);
    return typeof value === "string" ? value : undefined;
  }

  number(name: string): number | undefined {
    const value = this.values.get(name);
    return typeof value === "number" ? value : undefined;
  }

  boolean(name: string): boolean | undefined {
    const value = this.values.get(name);
    return typeof value === "boolean" ? value : undefined;
  }
}
