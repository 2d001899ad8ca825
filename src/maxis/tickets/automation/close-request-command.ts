import { subcommand } from "../../../shared/discord/command-definition";
import { ephemeral } from "../../../shared/discord/responses";
import { clientFor, type TicketSubcommand, ticketNumberOption } from "../commands/context";
import { ticketOption } from "../commands/options";
import { ticketErrorMessage } from "../errors";
import { requestClose } from "./automation-rpc";
import { runAutomationPass } from "./pass";

/**
 * `/ticket-staff close-request ticket`: the owner is asked in the ticket's thread (or by DM) to close
 * it, with Accept / Keep open; without an answer within the server's delay it closes by itself. With
 * the other staff subcommands in /ticket-staff, hidden from members (and refused to them anyway).
 */
export const closeRequestSubcommand: TicketSubcommand = {
  data: subcommand("close-request", "command.ticket.close-request", [ticketOption]),
  staffOnly: true,

  async run(call) {
    const { ctx } = call;
    const ref = ticketNumberOption(call);
    if ("response" in ref) return ref.response;
    const result = await requestClose(await clientFor(ctx.env, call), ref.number);
    if (!result.ok) {
      const code =
        result.code === "ticket_already_closed" || result.code === "ticket_not_found"
          ? result.code
          : "ticket_not_found";
      return ephemeral(ticketErrorMessage(ctx.t, code, ref.number));
    }
    // The prompt is due now: sent from this request rather than at the next minute.
    ctx.waitUntil(
      runAutomationPass(ctx.env, { guildId: call.identity.guildId }).catch((e: unknown) =>
        console.error("automation kick", e),
      ),
    );
    return ephemeral(
      ctx.t("automation.close_request.sent", { number: ref.number, hours: result.data.hours }),
    );
  },
};
