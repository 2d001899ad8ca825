import { ephemeral } from "../../../shared/discord/responses";
import { err } from "../../../shared/result";
import { afterTicketChange } from "../notify";
import { statusBadge } from "../render/labels";
import { setTicketStatus } from "../rpc";
import { clientFor, notifierFor, reportUndelivered } from "./context";
import { onTicket } from "./define";
import { isStatus } from "./list";
import { newStatusOption } from "./options";

/** `/ticket-staff status ticket status` (staff). Setting "closed" closes it, and the member is told. */
export const statusSubcommand = onTicket({
  name: "status",
  staffOnly: true,
  options: [newStatusOption],
  act: async (call, ticket, { status }) =>
    isStatus(status)
      ? setTicketStatus(await clientFor(call.ctx.env, call), ticket, status)
      : err({ code: "invalid_status", detail: null }),

  answer({ ctx }, changed, { status }) {
    const answer = ctx.t("ticket.status_set", {
      number: changed.number,
      status: statusBadge(ctx.t, changed.status),
    });
    afterTicketChange(notifierFor(ctx), changed, {
      ...(status === "closed" ? { dm: { kind: "closed", actorId: ctx.user.id } } : {}),
      onUndelivered: reportUndelivered(ctx, changed, answer),
    });
    return ephemeral(answer);
  },
});
