import { ephemeral } from "../../../shared/discord/responses";
import { ticketViewEmbeds } from "../render/ticket-card";
import { viewTicket } from "../rpc";
import { clientFor, refused, type TicketSubcommand, ticketNumberOption } from "./context";
import { subcommand, ticketOption } from "./options";

/** `/ticket view ticket`: the card and the conversation; staff also see internal notes. */
export const viewSubcommand: TicketSubcommand = {
  data: subcommand("view", [ticketOption]),
  staffOnly: false,

  async run(call) {
    const ref = ticketNumberOption(call);
    if ("response" in ref) return ref.response;
    const result = await viewTicket(await clientFor(call.ctx.env, call), ref.number);
    if (!result.ok) return refused(call.ctx, result.error, ref.number);
    return ephemeral({ embeds: ticketViewEmbeds(call.ctx.t, result.data) });
  },
};
