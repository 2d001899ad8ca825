import { ephemeral } from "../../../shared/discord/responses";
import { dmTicketClosed } from "../notify";
import { closeTicket } from "../rpc";
import { clientFor, notifierFor, refused, type TicketSubcommand, ticketNumberOption } from "./context";
import { reasonOption, subcommand, ticketOption } from "./options";

/** `/ticket close ticket [reason]`: members close their own; when staff close one, the member is told. */
export const closeSubcommand: TicketSubcommand = {
  data: subcommand("close", [ticketOption, reasonOption]),
  staffOnly: false,

  async run(call) {
    const ref = ticketNumberOption(call);
    if ("response" in ref) return ref.response;
    const { ctx } = call;
    const reason = call.options.string("reason")?.trim() || undefined;
    const result = await closeTicket(await clientFor(ctx.env, call), ref.number, reason);
    if (!result.ok) return refused(ctx, result.error, ref.number);
    if (call.staff) dmTicketClosed(notifierFor(ctx), ctx.user.id, result.data);
    return ephemeral(ctx.t("ticket.closed", { number: result.data.number }));
  },
};
