import { ephemeral } from "../../../shared/discord/responses";
import { fetchMember, recordMembers, resolvedMember } from "../../servers/members";
import { afterTicketChange, botRest } from "../notify";
import { assignTicket } from "../rpc";
import { clientFor, notifierFor, refused, type TicketSubcommand, ticketNumberOption } from "./context";
import { memberOption, subcommand, ticketOption } from "./options";

/**
 * `/ticket-staff assign ticket [member]` (staff): to yourself by default, or to anyone holding a
 * staff role that handles the ticket's category. Their roles come from Discord (the interaction's
 * resolved member, or Discord's REST API) and are recorded first, so the database can check them.
 */
export const assignSubcommand: TicketSubcommand = {
  data: subcommand("assign", [ticketOption, memberOption]),
  staffOnly: true,

  async run(call) {
    const ref = ticketNumberOption(call);
    if ("response" in ref) return ref.response;
    const { ctx } = call;
    const assignee = call.options.string("member") ?? ctx.user.id;
    if (assignee !== ctx.user.id) {
      const guildId = call.identity.guildId;
      const member =
        resolvedMember(ctx.interaction, assignee) ?? (await fetchMember(botRest(ctx.env), guildId, assignee));
      if (member) await recordMembers(ctx.env, guildId, [member]);
    }
    const result = await assignTicket(await clientFor(ctx.env, call), ref.number, assignee);
    if (!result.ok) return refused(ctx, result.error, ref.number);
    afterTicketChange(notifierFor(ctx), result.data);
    return ephemeral(ctx.t("ticket.assigned", { number: result.data.number, assignee }));
  },
};
