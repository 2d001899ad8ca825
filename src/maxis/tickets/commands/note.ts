import { ephemeral } from "../../../shared/discord/responses";
import { addInternalNote } from "../rpc";
import { clientFor, refused, type TicketSubcommand, ticketNumberOption } from "./context";
import { messageOption, subcommand, ticketOption } from "./options";

/** `/ticket-staff note ticket message` (staff): an internal note; nobody is notified, the member never sees it. */
export const noteSubcommand: TicketSubcommand = {
  data: subcommand("note", [ticketOption, messageOption]),
  staffOnly: true,

  async run(call) {
    const ref = ticketNumberOption(call);
    if ("response" in ref) return ref.response;
    const { ctx } = call;
    const result = await addInternalNote(
      await clientFor(ctx.env, call),
      ref.number,
      call.options.string("message") ?? "",
    );
    if (!result.ok) return refused(ctx, result.error, ref.number);
    return ephemeral(ctx.t("ticket.noted", { number: result.data.ticket.number }));
  },
};
