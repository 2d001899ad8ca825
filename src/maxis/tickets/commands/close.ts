import { ephemeral } from "../../../shared/discord/responses";
import { afterTicketChange } from "../notify";
import { closeTicket } from "../rpc";
import {
  clientFor,
  notifierFor,
  refused,
  reportUndelivered,
  type TicketSubcommand,
  ticketNumberOption,
} from "./context";
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
    const answer = ctx.t("ticket.closed", { number: result.data.number });
    afterTicketChange(notifierFor(ctx), result.data, {
      ...(call.staff ? { dm: { kind: "closed", actorId: ctx.user.id } } : {}),
      thread: { kind: "closed" },
      onUndelivered: reportUndelivered(ctx, result.data, answer),
    });
    return ephemeral(answer);
  },
};
