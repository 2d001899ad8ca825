import { ephemeral } from "../../../shared/discord/responses";
import { afterTicketChange } from "../notify";
import { closeTicket } from "../rpc";
import { closedNotice } from "../status-notices";
import { clientFor, notifierFor, reportUndelivered } from "./context";
import { onTicket } from "./define";
import { reasonOption } from "./options";

/** `/ticket close ticket [reason]`: members close their own; when staff close one, the member is told. */
export const closeSubcommand = onTicket({
  name: "close",
  staffOnly: false,
  options: [reasonOption],
  act: async (call, ticket, { reason }) =>
    closeTicket(await clientFor(call.ctx.env, call), ticket, reason?.trim() || undefined),

  answer({ ctx }, closed) {
    const answer = ctx.t("ticket.closed", { number: closed.number });
    afterTicketChange(notifierFor(ctx), closed, {
      ...closedNotice(ctx.user.id),
      onUndelivered: reportUndelivered(ctx, closed, answer),
    });
    return ephemeral(answer);
  },
});
