import { ComponentType } from "discord-api-types/payloads/v10";
import type { APIMessage } from "discord-api-types/v10";
import type { ComponentHandler } from "../../../shared/discord/handlers";
import { ephemeral, updateMessage } from "../../../shared/discord/responses";
import { translatorFor } from "../../../shared/i18n";
import { categoryAudienceOf, categoryNamesOf } from "../category-names";
import { clientFor, notifierFor, ticketActor } from "../commands/context";
import { ticketErrorMessage } from "../errors";
import { afterTicketChange } from "../notify";
import { STAFF_ACTION_PREFIX, staffPost } from "../render/staff-post";
import { THREAD_ACTION_PREFIX, threadCard } from "../render/thread-card";
import { assignTicket, closeTicket } from "../rpc";
import { closedNotice } from "../status-notices";
import { parseTicketNumber } from "../ticket-ref";

const SNOWFLAKE = /^[0-9]{1,20}$/;

/** The thread card is the message whose other button is the thread's own Close. */
function isThreadCard(message: APIMessage | undefined): boolean {
  return (message?.components ?? []).some(
    (row) =>
      row.type === ComponentType.ActionRow &&
      row.components.some(
        (c) =>
          c.type === ComponentType.Button &&
          "custom_id" in c &&
          c.custom_id.startsWith(`${THREAD_ACTION_PREFIX}:`),
      ),
  );
}

/**
 * Assign-to-me and Close on the staff channel's post about a ticket, and on its thread's card
 * (`ticket-staff:<action>:<server id>:<number>`). The click must come from the ticket's own server,
 * where Discord reported the clicker's roles, and from staff there; both are checked before the
 * database call, which then looks the number up in that server only. The post is redrawn from the
 * ticket the database returned. Closing from here tells the member, as /ticket close does.
 */
export const ticketStaffActions: ComponentHandler<MaxisEnv> = {
  prefix: STAFF_ACTION_PREFIX,

  async run(ctx, [action = "", guildId = "", rawNumber = ""]) {
    const number = parseTicketNumber(rawNumber);
    if ((action !== "assign" && action !== "close") || !SNOWFLAKE.test(guildId) || number === null) {
      return ephemeral(ctx.t("error.unknown_component"));
    }
    const actor = await ticketActor(ctx.interaction, ctx.env);
    if (!actor) return ephemeral(ticketErrorMessage(ctx.t, "guild_required"));
    if (actor.identity.guildId !== guildId) return ephemeral(ctx.t("ticket.error.other_server"));
    if (!actor.staff) return ephemeral(ticketErrorMessage(ctx.t, "staff_only"));

    const client = await clientFor(ctx.env, actor);
    const result =
      action === "assign"
        ? await assignTicket(client, number, ctx.user.id)
        : await closeTicket(client, number);
    if (!result.ok) return ephemeral(ticketErrorMessage(ctx.t, result.error.code, number));
    const ticket = result.value;
    // The same buttons sit under the staff channel's post and the ticket thread's card: the message
    // clicked is redrawn as what it is, and the staff post after the answer when it was not the one.
    const onStaffPost = !isThreadCard(ctx.interaction.message);
    afterTicketChange(notifierFor(ctx), ticket, {
      ...(action === "close" ? closedNotice(ctx.user.id) : {}),
      postRedrawn: onStaffPost,
    });
    // The first post carried the description; the database's answer here does not.
    const description = ctx.interaction.message?.embeds?.[0]?.description;
    if (!onStaffPost) {
      // The thread card is the member's: in their language, as it was posted.
      const names = await categoryNamesOf(ctx.env, guildId, ticket.ownerLocale);
      const card = threadCard(translatorFor(ticket.ownerLocale), ticket, names);
      // Already escaped as it was first drawn: kept as it is.
      const [embed] = card.embeds ?? [];
      return updateMessage(embed && description ? { ...card, embeds: [{ ...embed, description }] } : card);
    }
    // A shared post: redrawn in the language it was posted in, like the first one, not the clicker's.
    const postLocale = ticket.staffPost?.locale ?? notifierFor(ctx).locale;
    const names = await categoryNamesOf(ctx.env, guildId, postLocale);
    const audience = await categoryAudienceOf(ctx.env, guildId);
    return updateMessage(staffPost(translatorFor(postLocale), ticket, description, names, audience));
  },
};
