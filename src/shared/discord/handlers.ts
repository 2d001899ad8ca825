import type {
  APIApplicationCommandAutocompleteInteraction,
  APIChatInputApplicationCommandInteraction,
  APIInteraction,
  APIInteractionResponse,
  APIMessageComponentInteraction,
  APIModalSubmitInteraction,
  APIUser,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord-api-types/v10";
import type { Locale, Translator } from "../i18n";

type Awaitable<T> = T | Promise<T>;

/** Everything a handler needs about one interaction, and nothing global. */
export interface InteractionContext<Env, I extends APIInteraction = APIInteraction> {
  readonly interaction: I;
  readonly env: Env;
  readonly locale: Locale;
  readonly t: Translator;
  /** The member (in a server) or user (in DMs) who triggered the interaction. */
  readonly user: APIUser;
  /** Keeps the Worker alive after the response for follow-up work (cut 30 s after the response). */
  waitUntil(promise: Promise<unknown>): void;
}

export type CommandContext<Env> = InteractionContext<Env, APIChatInputApplicationCommandInteraction>;
export type AutocompleteContext<Env> = InteractionContext<Env, APIApplicationCommandAutocompleteInteraction>;
export type ComponentContext<Env> = InteractionContext<Env, APIMessageComponentInteraction>;
export type ModalContext<Env> = InteractionContext<Env, APIModalSubmitInteraction>;

/**
 * Whether a handler changes nothing for this interaction, only reads and answers: then a replay of the
 * signed request simply gets the answer again, and the boundary skips the ledger claim (one Durable
 * Object round trip) for it. Absent means it may change state: the id is claimed first and a replay
 * runs once. Declare it only for handlers whose every database call is read-only (see SECURITY.md).
 */
export type ReadOnly<I> = true | ((interaction: I) => boolean);

/** One slash command: what is registered with Discord and what runs, side by side. */
export interface SlashCommand<Env> {
  readonly data: RESTPostAPIChatInputApplicationCommandsJSONBody;
  readonly readOnly?: ReadOnly<APIChatInputApplicationCommandInteraction>;
  run(ctx: CommandContext<Env>): Awaitable<APIInteractionResponse>;
  autocomplete?(ctx: AutocompleteContext<Env>): Awaitable<APIInteractionResponse>;
}

/**
 * Buttons and select menus, matched by the part of `custom_id` before the first `:`.
 * The rest (split on `:`) arrives as `args`, e.g. `ticket-page:open:2` → `["open", "2"]`.
 */
export interface ComponentHandler<Env> {
  readonly prefix: string;
  readonly readOnly?: ReadOnly<APIMessageComponentInteraction>;
  run(ctx: ComponentContext<Env>, args: string[]): Awaitable<APIInteractionResponse>;
}

/** Modal submits, matched by `custom_id` prefix like components. */
export interface ModalHandler<Env> {
  readonly prefix: string;
  run(ctx: ModalContext<Env>, args: string[]): Awaitable<APIInteractionResponse>;
}

export interface InteractionHandlers<Env> {
  readonly commands: readonly SlashCommand<Env>[];
  readonly components?: readonly ComponentHandler<Env>[];
  readonly modals?: readonly ModalHandler<Env>[];
}

/** Builds a `custom_id` that the router will send back to the handler with this prefix. */
export function customId(prefix: string, ...args: (string | number)[]): string {
  const id = [prefix, ...args].join(":");
  if (id.length > 100) throw new Error(`custom_id over Discord's 100-character limit: ${id}`);
  return id;
}
