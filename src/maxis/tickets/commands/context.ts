import type { APIInteraction, APIInteractionResponse } from "discord-api-types/v10";
import type { DefinedSubcommand } from "../../../shared/discord/command-definition";
import { editOriginalResponse } from "../../../shared/discord/followup";
import type { CommandContext, InteractionContext } from "../../../shared/discord/handlers";
import type { CommandOptions } from "../../../shared/discord/options";
import { ephemeral } from "../../../shared/discord/responses";
import { resolveLocale } from "../../../shared/i18n";
import { botRest } from "../../bot-rest";
import { actingIdentity } from "../../identity";
import { serverSettings } from "../../servers/settings-store";
import { type RpcClient, type SupabaseIdentity, supabaseAs } from "../../supabase/client";
import { ticketErrorMessage } from "../errors";
import type { StaffChannelNotifier } from "../notify";
import type { DmFailureReason, TicketError, TicketSummary } from "../rpc";

type Awaitable<T> = T | Promise<T>;

/** What every ticket action knows once Maxis has decided who is acting, before any database call. */
export interface TicketActor {
  /** In a server; the database never sees a ticket action without one. */
  identity: SupabaseIdentity & { guildId: string };
  staff: boolean;
}

/** One /ticket subcommand: its definition and its handler, side by side. */
export interface TicketSubcommand {
  readonly data: DefinedSubcommand;
  /** Refused with a localized error before any database call for members. */
  readonly staffOnly: boolean;
  /** Only reads (its database function is STABLE): a replay answers again, unclaimed (handlers.ts). */
  readonly readOnly?: true;
  run(call: TicketCall): Awaitable<APIInteractionResponse>;
}

export interface TicketCall extends TicketActor {
  ctx: CommandContext<MaxisEnv>;
  options: CommandOptions;
}

/** Who acts, from the signed interaction and the server's staff roles; null outside a server. */
export async function ticketActor(interaction: APIInteraction, env: MaxisEnv): Promise<TicketActor | null> {
  if (!interaction.guild_id) return null;
  const identity = await actingIdentity(env, interaction);
  if (!identity.guildId) return null;
  return { identity: { ...identity, guildId: identity.guildId }, staff: identity.appRole !== "member" };
}

/** The per-interaction Supabase client: RLS sees exactly this member. */
export const clientFor = (env: MaxisEnv, actor: TicketActor): Promise<RpcClient> =>
  supabaseAs(env, actor.identity);

/**
 * A refused ticket action, as a private message in the member's language; the open-ticket limit is
 * the server's (its settings, already cached by this interaction).
 */
export async function refused(
  ctx: InteractionContext<MaxisEnv>,
  error: TicketError,
  ticket?: number | string,
): Promise<APIInteractionResponse> {
  const guildId = ctx.interaction.guild_id;
  const openMax =
    error.code === "too_many_open_tickets" && guildId
      ? (await serverSettings(ctx.env, guildId)).openTicketLimit
      : undefined;
  return ephemeral(ticketErrorMessage(ctx.t, error.code, ticket, openMax));
}

/**
 * The staff channel speaks the server's language; DMs speak the ticket owner's (stored on the ticket),
 * since the member being told is not the one acting.
 */
export function notifierFor(ctx: InteractionContext<MaxisEnv>): StaffChannelNotifier {
  return {
    env: ctx.env,
    locale: resolveLocale(ctx.interaction.guild_locale ?? undefined),
    waitUntil: (promise) => ctx.waitUntil(promise),
  };
}

/**
 * When Discord refuses the DM that tells the member: the acting staff member's private answer is
 * edited to say so (the answer went out before the DM was tried), keeping what it said first.
 */
export function reportUndelivered(
  ctx: InteractionContext<MaxisEnv>,
  ticket: TicketSummary,
  answer: string,
): (reason: DmFailureReason) => Promise<void> {
  return (reason) =>
    editOriginalResponse(
      botRest(ctx.env),
      ctx.interaction,
      `${answer}\n${ctx.t(`ticket.dm_failed.${reason}`, { owner: ticket.ownerId, number: ticket.number })}`,
    );
}
