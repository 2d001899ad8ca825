/**
 * The one way both Workers define slash commands: every command is installed to servers and usable
 * in servers only, every option and subcommand carries its French name and description from the
 * catalogue, and handlers read option values typed from the same definition.
 *
 *   const prize = option.string("prize", "command.giveaway.option.prize", { required: true });
 *   const start = subcommand("start", "command.giveaway.start", [prize]);
 *   guildCommand({ name: "giveaway", description: "command.giveaway.description", options: [start] });
 *   readOptions(new CommandOptions(interaction.data), start.options).prize  // string
 *
 * A `stem` names two catalogue entries, `<stem>.name` (the French one must follow Discord's naming
 * rule: lowercase letters, digits, `-` and `_`) and `<stem>.description`. The English name Discord
 * sends back in interaction data is always `name`, whatever language the member sees.
 */
import {
  ApplicationCommandOptionType,
  ApplicationIntegrationType,
  type ChannelType,
  InteractionContextType,
} from "discord-api-types/payloads/v10";
import type {
  APIApplicationCommandBasicOption,
  APIApplicationCommandOptionChoice,
  APIApplicationCommandSubcommandOption,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord-api-types/v10";
import { type Locale, localizedDescription, type MessageKey, type Translator, translate } from "../i18n";
import type { CommandOptions } from "./options";

/** A catalogue stem with both `<stem>.name` and `<stem>.description`. */
export type OptionStem = {
  [K in MessageKey]: K extends `${infer S}.name`
    ? `${S}.description` extends MessageKey
      ? S
      : never
    : never;
}[MessageKey];

interface ValueOf {
  [ApplicationCommandOptionType.String]: string;
  [ApplicationCommandOptionType.Integer]: number;
  [ApplicationCommandOptionType.Number]: number;
  [ApplicationCommandOptionType.Boolean]: boolean;
  /** Snowflakes, for these four. */
  [ApplicationCommandOptionType.User]: string;
  [ApplicationCommandOptionType.Channel]: string;
  [ApplicationCommandOptionType.Role]: string;
  [ApplicationCommandOptionType.Mentionable]: string;
}
type BasicType = keyof ValueOf;

declare const valueType: unique symbol;

/** An option as registered with Discord, remembering (for the type checker only) its value's type. */
export type DefinedOption<
  N extends string = string,
  T extends BasicType = BasicType,
  R extends boolean = boolean,
> = APIApplicationCommandBasicOption & {
  readonly name: N;
  readonly [valueType]?: { type: T; required: R };
};

export interface DefinedSubcommand<N extends string = string, O extends DefinedOption[] = DefinedOption[]>
  extends APIApplicationCommandSubcommandOption {
  readonly name: N;
  readonly options: O;
}

interface Extras<R extends boolean> {
  required?: R;
  autocomplete?: boolean;
  choices?: APIApplicationCommandOptionChoice[];
  min_length?: number;
  max_length?: number;
  min_value?: number;
  max_value?: number;
  channel_types?: ChannelType[];
}

/** `name_localizations` + both descriptions for an option or subcommand. */
function localized(stem: OptionStem) {
  return {
    name_localizations: { fr: translate("fr", `${stem}.name` as MessageKey) },
    ...localizedDescription(`${stem}.description` as MessageKey),
  };
}

const basic =
  <T extends BasicType>(type: T) =>
  <const N extends string, const R extends boolean = false>(
    name: N,
    stem: OptionStem,
    extras: Extras<R> = {},
  ): DefinedOption<N, T, R> =>
    ({ type, name, ...localized(stem), ...extras }) as unknown as DefinedOption<N, T, R>;

/** Option builders, one per value type; always `(name, stem, extras)`. */
export const option = {
  string: basic(ApplicationCommandOptionType.String),
  integer: basic(ApplicationCommandOptionType.Integer),
  number: basic(ApplicationCommandOptionType.Number),
  boolean: basic(ApplicationCommandOptionType.Boolean),
  user: basic(ApplicationCommandOptionType.User),
  channel: basic(ApplicationCommandOptionType.Channel),
  role: basic(ApplicationCommandOptionType.Role),
};

/** Choices whose labels come from the catalogue in both languages; `value` is what the handler gets. */
export function localizedChoices<V extends string>(
  values: readonly V[],
  label: (value: V) => MessageKey,
): APIApplicationCommandOptionChoice<string>[] {
  return values.map((value) => ({
    name: translate("en", label(value)),
    name_localizations: { fr: translate("fr", label(value)) },
    value,
  }));
}

/** A subcommand; its required options are listed first, as Discord demands. */
export function subcommand<const N extends string, const O extends DefinedOption[] = []>(
  name: N,
  stem: OptionStem,
  options: O = [] as unknown as O,
): DefinedSubcommand<N, O> {
  const sorted = [...options].sort((a, b) => Number(Boolean(b.required)) - Number(Boolean(a.required)));
  return {
    type: ApplicationCommandOptionType.Subcommand,
    name,
    ...localized(stem),
    options: sorted as unknown as O,
  };
}

export interface GuildCommandSpec {
  name: string;
  description: MessageKey;
  /**
   * Permissions a member needs to see the command in their picker (Discord lets server admins
   * override this per role or channel). Hiding is a courtesy: handlers still check who acts.
   */
  defaultMemberPermissions?: bigint;
  options?: (DefinedOption | DefinedSubcommand)[];
}

/** A slash command installed to servers (not users) and usable in servers only, never in DMs. */
export function guildCommand(spec: GuildCommandSpec): RESTPostAPIChatInputApplicationCommandsJSONBody {
  return {
    name: spec.name,
    ...localizedDescription(spec.description),
    integration_types: [ApplicationIntegrationType.GuildInstall],
    contexts: [InteractionContextType.Guild],
    ...(spec.defaultMemberPermissions !== undefined
      ? { default_member_permissions: String(spec.defaultMemberPermissions) }
      : {}),
    ...(spec.options?.length ? { options: [...spec.options] } : {}),
  };
}

/** The values of `declared`, typed from their definitions; optional ones may be undefined. */
export type OptionValues<O extends readonly DefinedOption[]> = {
  [X in O[number] as X["name"]]: X extends DefinedOption<string, infer T, infer R>
    ? R extends true
      ? ValueOf[T]
      : ValueOf[T] | undefined
    : never;
};

/**
 * Discord never sends a command without its required options, or with a value of the wrong type;
 * a forged one stops here, and the router answers it as invalid input.
 */
export class MissingOptionError extends Error {
  constructor(readonly option: string) {
    super(`missing option ${option}`);
  }
}

export function readOptions<const O extends readonly DefinedOption[]>(
  options: CommandOptions,
  declared: O,
): OptionValues<O> {
  const values: Record<string, unknown> = {};
  for (const { name, type, required } of declared) {
    const value =
      type === ApplicationCommandOptionType.Integer || type === ApplicationCommandOptionType.Number
        ? options.number(name)
        : type === ApplicationCommandOptionType.Boolean
          ? options.boolean(name)
          : options.string(name);
    if (value === undefined && required) throw new MissingOptionError(name);
    values[name] = value;
  }
  return values as OptionValues<O>;
}

/** A value beyond what its option declares: a length in characters, or a number. */
export interface OptionLimitViolation {
  option: DefinedOption;
  /** `whole`: a fraction sent for an integer option (Discord's own checks would never let one through). */
  kind: "length" | "value" | "whole";
  min: number | undefined;
  max: number | undefined;
  sent: number;
}

/**
 * The first value of `declared` beyond its declared limits (`min_length`/`max_length`,
 * `min_value`/`max_value`), or null. Discord enforces them for what members type; a forged or
 * replayed interaction is not bound by them, so a handler that trusts a limit checks it here.
 */
export function optionLimitViolation(
  options: CommandOptions,
  declared: readonly DefinedOption[],
): OptionLimitViolation | null {
  for (const option of declared) {
    const limits = option as DefinedOption & Extras<boolean>;
    if (option.type === ApplicationCommandOptionType.String) {
      const value = options.string(option.name);
      if (value === undefined) continue;
      const sent = [...value].length;
      const { min_length: min, max_length: max } = limits;
      if ((min !== undefined && sent < min) || (max !== undefined && sent > max))
        return { option, kind: "length", min, max, sent };
    } else if (
      option.type === ApplicationCommandOptionType.Integer ||
      option.type === ApplicationCommandOptionType.Number
    ) {
      const sent = options.number(option.name);
      if (sent === undefined) continue;
      const { min_value: min, max_value: max } = limits;
      if (option.type === ApplicationCommandOptionType.Integer && !Number.isSafeInteger(sent))
        return { option, kind: "whole", min, max, sent };
      if ((min !== undefined && sent < min) || (max !== undefined && sent > max))
        return { option, kind: "value", min, max, sent };
    }
  }
  return null;
}

/** Why the value was refused, naming the option as the reader's Discord shows it. */
export function optionLimitMessage(t: Translator, locale: Locale, v: OptionLimitViolation): string {
  const option = (locale === "fr" ? v.option.name_localizations?.fr : undefined) ?? v.option.name;
  if (v.kind === "whole") return t("error.option_not_whole", { option, sent: v.sent });
  if (v.kind === "value")
    return t("error.option_out_of_range", { option, min: v.min ?? "−∞", max: v.max ?? "∞", sent: v.sent });
  return v.max !== undefined && v.sent > v.max
    ? t("error.option_too_long", { option, max: v.max, sent: v.sent })
    : t("error.option_too_short", { option, min: v.min ?? 0, sent: v.sent });
}

/** The option a member is typing in during autocomplete, named as one of `declared`. */
export interface FocusedOption<N extends string> {
  readonly name: N;
  /** What the member typed so far, as text whatever the option's type. */
  readonly value: string;
}

/**
 * The focused option, when it is one of `declared` (undefined otherwise): its name is typed from the
 * definitions, so comparing it with a name no definition has is a type error.
 */
export function focusedOption<const O extends readonly DefinedOption[]>(
  options: CommandOptions,
  declared: O,
): FocusedOption<O[number]["name"]> | undefined {
  const focused = options.focused;
  const match = focused && declared.find((option) => option.name === focused.name);
  return match && focused ? { name: match.name, value: focused.value } : undefined;
}
