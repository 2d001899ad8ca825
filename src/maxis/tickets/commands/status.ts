import { ephemeral } from "../../../shared/discord/responses";
import { err } from "../../../shared/result";
import { afterTicketChange } from "../notify";
import { statusBadge } from "../render/labels";
import { setTicketStatus } from "../rpc";
import { statusNotice } from "../status-notices";
import { clientFor, notifierFor, reportUndelivered } from "./context";
import { onTicket } from "./define";
import { isStatus } from "./list";
import { newStatusOption } from "./options";

/**
 * `/ticket-staff status ticket status` (staff). Setting "closed" closes it and leaving "closed" reopens
 * it, told as /ticket close and /ticket reopen tell it; the status it already has changes nothing.
 */
export const statusSubcommand = onTicket({
  name: "status",
  staffOnly: true,
  options: [newStatusOption],
  act: async (call, ticket, { status }) => {
    if (!isStatus(status)) return err({ code: "invalid_status", detail: null });
    const result = await setTicketStatus(await clientFor(call.ctx.env, call), ticket, status);
    if (!result.ok && result.error.code === "ticket_status_unchanged") {
      const { t } = call.ctx;
      return ephemeral(t("ticket.status_unchanged", { number: ticket, status: statusBadge(t, status) }));
    }
    return result;
  },

  answer({ ctx }, changed) {
    const { ticket } = changed;
    const answer = ctx.t("ticket.status_set", {
      number: ticket.number,
      status: statusBadge(ctx.t, ticket.status),
    });
    afterTicketChange(notifierFor(ctx), ticket, {
      ...statusNotice(changed, ctx.user.id),
      onUndelivered: reportUndelivered(ctx, ticket, answer),
    });
    return ephemeral(answer);
  },
});
