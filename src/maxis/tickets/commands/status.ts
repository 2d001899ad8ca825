import { ephemeral } from "../../../shared/discord/responses";
import { afterTicketChange } from "../notify";
import { statusBadge } from "../render/labels";
import { setTicketStatus } from "../rpc";
import {
  clientFor,
  notifierFor,
  refused,
  reportUndelivered,
  type TicketSubcommand,
  ticketNumberOption,
} from "./context";
import { isStatus } from "./list";
import { newStatusOption, subcommand, ticketOption } from "./options";

/** `/ticket-staff status ticket status` (staff). Setting "closed" closes it, and the member is told. */
export const statusSubcommand: TicketSubcommand = {
  data: subcommand("status", [ticketOption, newStatusOption]),
  staffOnly: true,

  async run(call) {
    const ref = ticketNumberOption(call);
    if ("response" in ref) return ref.response;
    const { ctx } = call;
    const status = call.options.string("status") ?? "";
    if (!isStatus(status)) return refused(ctx, { code: "invalid_status", detail: null });
    const result = await setTicketStatus(await clientFor(ctx.env, call), ref.number, status);
    if (!result.ok) return refused(ctx, result.error, ref.number);
    const answer = ctx.t("ticket.status_set", {
      number: result.data.number,
      status: statusBadge(ctx.t, result.data.status),
    });
    afterTicketChange(notifierFor(ctx), result.data, {
      ...(status === "closed" ? { dm: { kind: "closed", actorId: ctx.user.id } } : {}),
      onUndelivered: reportUndelivered(ctx, result.data, answer),
    });
    return ephemeral(answer);
  },
};
