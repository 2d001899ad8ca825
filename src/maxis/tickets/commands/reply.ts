import { ephemeral } from "../../../shared/discord/responses";
import { dmStaffReply } from "../notify";
import { replyToTicket } from "../rpc";
import { clientFor, notifierFor, refused, type TicketSubcommand, ticketNumberOption } from "./context";
import { messageOption, subcommand, ticketOption } from "./options";

/** `/ticket reply ticket message`: a public reply; when staff answer, the member gets it by DM. */
export const replySubcommand: TicketSubcommand = {
  data: subcommand("reply", [ticketOption, messageOption]),
  staffOnly: false,

  async run(call) {
    const ref = ticketNumberOption(call);
    if ("response" in ref) return ref.response;
    const { ctx } = call;
    const result = await replyToTicket(await clientFor(ctx.env, call), ref.number, {
      body: call.options.string("message") ?? "",
    });
    if (!result.ok) return refused(ctx, result.error, ref.number);
    const { ticket, message } = result.data;
    if (call.staff) dmStaffReply(notifierFor(ctx), ctx.user.id, ticket, message);
    return ephemeral(ctx.t("ticket.replied", { number: ticket.number }));
  },
};
