import { ephemeral } from "../../../shared/discord/responses";
import { afterTicketChange } from "../notify";
import { assignTicket } from "../rpc";
import { clientFor, notifierFor, refused, type TicketSubcommand, ticketNumberOption } from "./context";
import { memberOption, subcommand, ticketOption } from "./options";

/** `/ticket-staff assign ticket [member]` (staff): to yourself by default, or to another staff member. */
export const assignSubcommand: TicketSubcommand = {
  data: subcommand("assign", [ticketOption, memberOption]),
  staffOnly: true,

  async run(call) {
    const ref = ticketNumberOption(call);
    if ("response" in ref) return ref.response;
    const { ctx } = call;
    const assignee = call.options.string("member") ?? ctx.user.id;
    const result = await assignTicket(await clientFor(ctx.env, call), ref.number, assignee);
    if (!result.ok) return refused(ctx, result.error, ref.number);
    afterTicketChange(notifierFor(ctx), result.data);
    return ephemeral(ctx.t("ticket.assigned", { number: result.data.number, assignee }));
  },
};
