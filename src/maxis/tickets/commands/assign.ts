import { ephemeral } from "../../../shared/discord/responses";
import { botRest } from "../../bot-rest";
import { fetchMember, recordMembers, resolvedMember } from "../../people/members";
import { afterTicketChange } from "../notify";
import { assignTicket } from "../rpc";
import { clientFor, notifierFor } from "./context";
import { onTicket } from "./define";
import { memberOption } from "./options";

/**
 * `/ticket-staff assign ticket [member]` (staff): to yourself by default, or to anyone holding a
 * staff role that handles the ticket's category. Their roles come from Discord (the interaction's
 * resolved member, or Discord's REST API) and are recorded first, so the database can check them.
 */
export const assignSubcommand = onTicket({
  name: "assign",
  staffOnly: true,
  options: [memberOption],

  async act(call, ticket, { member: chosen }) {
    const { ctx } = call;
    const assignee = chosen ?? ctx.user.id;
    if (assignee !== ctx.user.id) {
      const guildId = call.identity.guildId;
      const member =
        resolvedMember(ctx.interaction, assignee) ?? (await fetchMember(botRest(ctx.env), guildId, assignee));
      if (member) await recordMembers(ctx.env, guildId, [member]);
    }
    return assignTicket(await clientFor(ctx.env, call), ticket, assignee);
  },

  answer({ ctx }, assigned, { member }) {
    afterTicketChange(notifierFor(ctx), assigned);
    return ephemeral(ctx.t("ticket.assigned", { number: assigned.number, assignee: member ?? ctx.user.id }));
  },
});
