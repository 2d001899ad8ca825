/**
 * Builds interactions shaped like the ones Discord sends, from a command line such as
 * `/ticket create subject:Broken login priority:high`, for `npm run interact` and the tests.
 * It reads the same command definitions the Workers register, so options are typed as Discord
 * would type them.
 */
import {
  type APIApplicationCommandInteractionDataOption,
  type APIApplicationCommandOption,
  type APIInteraction,
  type APIInteractionGuildMember,
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ChannelType,
  ComponentType,
  type GuildMemberFlags,
  InteractionType,
  PermissionFlagsBits,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord-api-types/v10";
import { LOCAL_APPLICATION_ID, LOCAL_CHANNEL_ID, LOCAL_GUILD_ID, localPerson } from "./local-identities";

export interface Actor {
  userId: string;
  /** Discord role ids the member has in the guild. */
  roles?: string[];
  administrator?: boolean;
  locale?: string;
  guildId?: string;
}

/** Discord's epoch (2015-01-01), the zero of snowflake timestamps. */
const DISCORD_EPOCH_MS = 1_420_070_400_000n;
// Starts at a random point so two processes (two `npm run interact`, parallel test workers) that
// build an interaction in the same millisecond still get different ids.
let interactionCounter = Math.floor(Math.random() * 0x40_0000);

/**
 * A fresh interaction id, shaped as Discord's: a snowflake whose high bits are the current time.
 * Workers claim each id once (a repeat is not run again), so every call must differ.
 */
export function newInteractionId(): string {
  interactionCounter = (interactionCounter + 1) % 0x40_0000;
  return String(((BigInt(Date.now()) - DISCORD_EPOCH_MS) << 22n) | BigInt(interactionCounter));
}

function member({ userId, roles = [], administrator = false }: Actor): APIInteractionGuildMember {
  const base =
    PermissionFlagsBits.ViewChannel |
    PermissionFlagsBits.SendMessages |
    PermissionFlagsBits.UseApplicationCommands;
  // A seeded person is named as the Discord stand-in names them; anyone else gets a made-up name.
  const person = localPerson(userId);
  return {
    user: {
      id: userId,
      username: person?.username ?? `user${userId.slice(-4)}`,
      discriminator: "0",
      global_name: person?.globalName ?? null,
      avatar: null,
    },
    roles,
    permissions: String(administrator ? base | PermissionFlagsBits.Administrator : base),
    joined_at: "2026-01-01T00:00:00.000Z",
    deaf: false,
    mute: false,
    flags: 0 as GuildMemberFlags,
  };
}

function envelope(actor: Actor) {
  return {
    id: newInteractionId(),
    application_id: LOCAL_APPLICATION_ID,
    token: `local-token-${crypto.randomUUID()}`,
    version: 1 as const,
    guild_id: actor.guildId ?? LOCAL_GUILD_ID,
    channel_id: LOCAL_CHANNEL_ID,
    channel: { id: LOCAL_CHANNEL_ID, type: ChannelType.GuildText, name: "general", guild_id: LOCAL_GUILD_ID },
    member: member(actor),
    locale: actor.locale ?? "en-US",
    guild_locale: "en-US",
    app_permissions: "0",
    entitlements: [],
    authorizing_integration_owners: {},
    attachment_size_limit: 10_485_760,
  };
}

export function pingInteraction(): APIInteraction {
  return { ...envelope({ userId: "0" }), type: InteractionType.Ping } as unknown as APIInteraction;
}

export class CommandLineError extends Error {}

function parseValue(option: APIApplicationCommandOption, raw: string): string | number | boolean {
  switch (option.type) {
    case ApplicationCommandOptionType.Integer: {
      if (!/^-?\d+$/.test(raw)) throw new CommandLineError(`${option.name} must be a whole number`);
      return Number(raw);
    }
    case ApplicationCommandOptionType.Number: {
      const value = Number(raw);
      if (!Number.isFinite(value)) throw new CommandLineError(`${option.name} must be a number`);
      return value;
    }
    case ApplicationCommandOptionType.Boolean:
      return raw === "true" || raw === "yes";
    case ApplicationCommandOptionType.User:
    case ApplicationCommandOptionType.Channel:
    case ApplicationCommandOptionType.Role:
    case ApplicationCommandOptionType.Mentionable:
      return raw.replace(/^<[@#]?[!&]?|>$/g, "");
    default:
      return raw;
  }
}

/**
 * Parses `/name [group] [subcommand] key:value key:value…`. A value runs until the next known
 * `key:` so it may contain spaces.
 */
export function parseCommandLine(
  line: string,
  commands: readonly RESTPostAPIChatInputApplicationCommandsJSONBody[],
  focusedOption?: string,
): { name: string; options: APIApplicationCommandInteractionDataOption[] } {
  const words = line.trim().replace(/^\//, "").split(/\s+/);
  const name = words.shift() ?? "";
  const command = commands.find((c) => c.name === name);
  if (!command)
    throw new CommandLineError(
      `Unknown command /${name}. Known: ${commands.map((c) => `/${c.name}`).join(", ")}`,
    );

  let available: readonly APIApplicationCommandOption[] = command.options ?? [];
  const path: {
    name: string;
    type: ApplicationCommandOptionType.Subcommand | ApplicationCommandOptionType.SubcommandGroup;
  }[] = [];
  for (;;) {
    const nested = available.filter(
      (o) =>
        o.type === ApplicationCommandOptionType.Subcommand ||
        o.type === ApplicationCommandOptionType.SubcommandGroup,
    );
    if (nested.length === 0) break;
    const word = words[0];
    const chosen = nested.find((o) => o.name === word);
    if (!chosen) throw new CommandLineError(`/${name} needs one of: ${nested.map((o) => o.name).join(", ")}`);
    words.shift();
    path.push({ name: chosen.name, type: chosen.type as ApplicationCommandOptionType.Subcommand });
    available = "options" in chosen ? (chosen.options ?? []) : [];
  }

  const rest = words.join(" ");
  const names = available.map((o) => o.name).join("|");
  const leaves: APIApplicationCommandInteractionDataOption[] = [];
  if (rest) {
    const pattern = new RegExp(`(?:^|\\s)(${names || "\\0"}):`, "g");
    const starts = [...rest.matchAll(pattern)];
    if (starts.length === 0 || rest.slice(0, starts[0]?.index ?? 0).trim()) {
      throw new CommandLineError(`Unexpected "${rest}". Options here: ${names || "none"}`);
    }
    starts.forEach((start, i) => {
      const key = start[1] ?? "";
      const from = (start.index ?? 0) + start[0].length;
      const raw = rest.slice(from, starts[i + 1]?.index ?? rest.length).trim();
      const option = available.find((o) => o.name === key);
      if (!option) return;
      const value = key === focusedOption ? raw : parseValue(option, raw);
      leaves.push({
        name: key,
        type: option.type,
        value,
        ...(key === focusedOption ? { focused: true } : {}),
      } as APIApplicationCommandInteractionDataOption);
    });
  }
  for (const option of available) {
    if (
      "required" in option &&
      option.required &&
      !leaves.some((l) => l.name === option.name) &&
      option.name !== focusedOption
    ) {
      throw new CommandLineError(`Missing required option ${option.name}:`);
    }
  }

  let options = leaves;
  for (const level of [...path].reverse()) {
    options = [{ name: level.name, type: level.type, options } as APIApplicationCommandInteractionDataOption];
  }
  return { name, options };
}

export function commandInteraction(
  actor: Actor,
  parsed: { name: string; options: APIApplicationCommandInteractionDataOption[] },
  autocomplete = false,
): APIInteraction {
  return {
    ...envelope(actor),
    type: autocomplete ? InteractionType.ApplicationCommandAutocomplete : InteractionType.ApplicationCommand,
    data: { id: "0", name: parsed.name, type: ApplicationCommandType.ChatInput, options: parsed.options },
  } as unknown as APIInteraction;
}

export function buttonInteraction(actor: Actor, customId: string): APIInteraction {
  return {
    ...envelope(actor),
    type: InteractionType.MessageComponent,
    message: { id: "0", channel_id: LOCAL_CHANNEL_ID, content: "", components: [] },
    data: { custom_id: customId, component_type: ComponentType.Button },
  } as unknown as APIInteraction;
}

/**
 * A choice in a select menu: its values (role, channel or option values). Discord says which kind of
 * menu it was; `componentType` defaults to a string select.
 */
export function selectInteraction(
  actor: Actor,
  customId: string,
  values: string[],
  componentType: ComponentType = ComponentType.StringSelect,
): APIInteraction {
  return {
    ...envelope(actor),
    type: InteractionType.MessageComponent,
    message: { id: "0", channel_id: LOCAL_CHANNEL_ID, content: "", components: [] },
    data: { custom_id: customId, component_type: componentType, values },
  } as unknown as APIInteraction;
}

export function modalSubmitInteraction(
  actor: Actor,
  customId: string,
  fields: Record<string, string>,
): APIInteraction {
  return {
    ...envelope(actor),
    type: InteractionType.ModalSubmit,
    data: {
      custom_id: customId,
      components: Object.entries(fields).map(([id, value]) => ({
        type: ComponentType.Label,
        component: { type: ComponentType.TextInput, custom_id: id, value },
      })),
    },
  } as unknown as APIInteraction;
}
