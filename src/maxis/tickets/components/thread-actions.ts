import type { ComponentHandler } from "../../../shared/discord/handlers";
import { ephemeral } from "../../../shared/discord/responses";
import { clientFor, notifierFor, ticketActor } from "../commands/context";
import { ticketErrorMessage } from "../errors";
import { afterTicketChange } from "../notify";
import { THREAD_ACTION_PREFIX } from "../render/thread-card";
import { closeTicket } from "../rpc";
import { closedNotice } from "../status-notices";
import { parseTicketNumber } from "../ticket-ref";

const SNOWFLAKE = /^[0-9]{1,20}$/;

/**
 * Close on a ticket thread's card (`ticket-thread:close:<server id>:<number>`): the owner closes
 * their own ticket, staff close any of their server's, as with /ticket close; the database decides
 * (someone else's ticket is "not found"). The thread then gets its closing note, archive and lock.
 */
export const ticketThreadActions: ComponentHandler<MaxisEnv> = {
  prefix: THREAD_ACTION_PREFIX,

  async run(ctx, [action = "", guildId = "", rawNumber = ""]) {
    const number = parseTicketNumber(rawNumber);
    if (action !== "close" || !SNOWFLAKE.test(guildId) || number === null) {
      return ephemeral(ctx.t("error.unknown_component"));
    }
    const actor = await ticketActor(ctx.interaction, ctx.env);
    if (!actor) return ephemeral(ticketErrorMessage(ctx.t, "guild_required"));
    if (actor.identity.guildId !== guildId) return ephemeral(ctx.t("ticket.discord_thread.not_here"));
    const result = await closeTicket(await clientFor(ctx.env, actor), number);
    if (!result.ok) return ephemeral(ticketErrorMessage(ctx.t, result.error.code, number));
    afterTicketChange(notifierFor(ctx), result.value, closedNotice(ctx.user.id));
    return ephemeral(ctx.t("ticket.closed", { number: result.value.number }));
  },
};
