import { ephemeral } from "../../../shared/discord/responses";
import { afterTicketChange } from "../notify";
import { reopenTicket } from "../rpc";
import { clientFor, notifierFor, refused, type TicketSubcommand, ticketNumberOption } from "./context";
import { subcommand, ticketOption } from "./options";

/** `/ticket reopen ticket`: back to open (for a member, it counts against the open-ticket limit). */
export const reopenSubcommand: TicketSubcommand = {
  data: subcommand("reopen", [ticketOption]),
  staffOnly: false,

  async run(call) {
    const ref = ticketNumberOption(call);
    if ("response" in ref) return ref.response;
    const result = await reopenTicket(await clientFor(call.ctx.env, call), ref.number);
    if (!result.ok) return refused(call.ctx, result.error, ref.number);
    afterTicketChange(notifierFor(call.ctx), result.data, { thread: { kind: "reopened" } });
    return ephemeral(call.ctx.t("ticket.reopened", { number: result.data.number }));
  },
};
