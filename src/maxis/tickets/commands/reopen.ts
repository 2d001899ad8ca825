import { ephemeral } from "../../../shared/discord/responses";
import { afterTicketChange } from "../notify";
import { reopenTicket } from "../rpc";
import { reopenedNotice } from "../status-notices";
import { clientFor, notifierFor } from "./context";
import { onTicket } from "./define";

/** `/ticket reopen ticket`: back to open (for a member, it counts against the open-ticket limit). */
export const reopenSubcommand = onTicket({
  name: "reopen",
  staffOnly: false,
  options: [],
  act: async (call, ticket) => reopenTicket(await clientFor(call.ctx.env, call), ticket),

  answer({ ctx }, reopened) {
    afterTicketChange(notifierFor(ctx), reopened, reopenedNotice());
    return ephemeral(ctx.t("ticket.reopened", { number: reopened.number }));
  },
});
