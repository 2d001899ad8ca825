import { ephemeral } from "../../../shared/discord/responses";
import { afterTicketChange } from "../notify";
import { replyToTicket } from "../rpc";
import {
  clientFor,
  notifierFor,
  refused,
  reportUndelivered,
  type TicketSubcommand,
  ticketNumberOption,
} from "./context";
import { messageOption, subcommand, ticketOption } from "./options";

/**
 * `/ticket reply ticket message`: a public reply; when staff answer, the member gets it by DM, and if
 * Discord refuses that DM the answer is corrected to say so.
 */
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
    const answer = ctx.t("ticket.replied", { number: ticket.number });
    afterTicketChange(notifierFor(ctx), ticket, {
      ...(call.staff ? { dm: { kind: "reply", actorId: ctx.user.id, message } } : {}),
      thread: { kind: "said", message },
      onUndelivered: reportUndelivered(ctx, ticket, answer),
    });
    return ephemeral(answer);
  },
};
