import { ephemeral } from "../../../shared/discord/responses";
import { err } from "../../../shared/result";
import { afterTicketChange } from "../notify";
import { priorityBadge } from "../render/labels";
import { setTicketPriority } from "../rpc";
import { clientFor, notifierFor } from "./context";
import { onTicket } from "./define";
import { isPriority } from "./open-ticket";
import { newPriorityOption } from "./options";

/** `/ticket-staff priority ticket priority` (staff). */
export const prioritySubcommand = onTicket({
  name: "priority",
  staffOnly: true,
  options: [newPriorityOption],
  act: async (call, ticket, { priority }) =>
    isPriority(priority)
      ? setTicketPriority(await clientFor(call.ctx.env, call), ticket, priority)
      : err({ code: "invalid_priority", detail: null }),

  answer({ ctx }, changed) {
    afterTicketChange(notifierFor(ctx), changed);
    return ephemeral(
      ctx.t("ticket.priority_set", {
        number: changed.number,
        priority: priorityBadge(ctx.t, changed.priority),
      }),
    );
  },
});
