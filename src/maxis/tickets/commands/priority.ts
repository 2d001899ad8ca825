import { ephemeral } from "../../../shared/discord/responses";
import { afterTicketChange } from "../notify";
import { priorityBadge } from "../render/labels";
import { setTicketPriority } from "../rpc";
import { clientFor, notifierFor, refused, type TicketSubcommand, ticketNumberOption } from "./context";
import { isPriority } from "./open-ticket";
import { newPriorityOption, subcommand, ticketOption } from "./options";

/** `/ticket-staff priority ticket priority` (staff). */
export const prioritySubcommand: TicketSubcommand = {
  data: subcommand("priority", [ticketOption, newPriorityOption]),
  staffOnly: true,

  async run(call) {
    const ref = ticketNumberOption(call);
    if ("response" in ref) return ref.response;
    const { ctx } = call;
    const priority = call.options.string("priority") ?? "";
    if (!isPriority(priority)) return refused(ctx, { code: "invalid_priority", detail: null });
    const result = await setTicketPriority(await clientFor(ctx.env, call), ref.number, priority);
    if (!result.ok) return refused(ctx, result.error, ref.number);
    afterTicketChange(notifierFor(ctx), result.data);
    return ephemeral(
      ctx.t("ticket.priority_set", {
        number: result.data.number,
        priority: priorityBadge(ctx.t, result.data.priority),
      }),
    );
  },
};
