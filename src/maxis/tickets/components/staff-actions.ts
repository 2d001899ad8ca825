import type { ComponentHandler } from "../../../shared/discord/handlers";
import { ephemeral, updateMessage } from "../../../shared/discord/responses";
import { translatorFor } from "../../../shared/i18n";
import { clientFor, notifierFor, ticketActor } from "../commands/context";
import { ticketErrorMessage } from "../errors";
import { dmTicketClosed } from "../notify";
import { STAFF_ACTION_PREFIX, staffPost } from "../render/staff-post";
import { assignTicket, closeTicket } from "../rpc";
import { parseTicketNumber } from "../ticket-ref";

/**
 * Assign-to-me and Close on the staff channel's post about a new ticket (`ticket-staff:<action>:<n>`).
 * Staff only, checked before the database call; the post is redrawn from the ticket the database
 * returned, so it always shows the real state. Closing from here tells the member, as /ticket close does.
 */
export const ticketStaffActions: ComponentHandler<MaxisEnv> = {
  prefix: STAFF_ACTION_PREFIX,

  async run(ctx, [action = "", rawNumber = ""]) {
    const number = parseTicketNumber(rawNumber);
    if ((action !== "assign" && action !== "close") || number === null) {
      return ephemeral(ctx.t("error.unknown_component"));
    }
    const actor = ticketActor(ctx.interaction, ctx.env);
    if (!actor) return ephemeral(ticketErrorMessage(ctx.t, "guild_required"));
    if (!actor.staff) return ephemeral(ticketErrorMessage(ctx.t, "staff_only"));

    const client = await clientFor(ctx.env, actor);
    const result =
      action === "assign"
        ? await assignTicket(client, number, ctx.user.id)
        : await closeTicket(client, number);
    if (!result.ok) return ephemeral(ticketErrorMessage(ctx.t, result.error.code, number));
    if (action === "close") dmTicketClosed(notifierFor(ctx), ctx.user.id, result.data);
    // The first post carried the description; the database's answer here does not.
    const description = ctx.interaction.message?.embeds?.[0]?.description;
    // A shared post: redrawn in the server's language, like the first one, not the clicker's.
    const postT = translatorFor(notifierFor(ctx).locale);
    return updateMessage(staffPost(postT, result.data, description, { action, staffId: ctx.user.id }));
  },
};
