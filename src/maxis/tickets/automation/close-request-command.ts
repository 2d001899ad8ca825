import { ephemeral } from "../../../shared/discord/responses";
import { formatDuration } from "../../../shared/i18n/duration";
import { clientFor } from "../commands/context";
import { ticketNumber, ticketSubcommand } from "../commands/define";
import { ticketOption } from "../commands/options";
import { ticketErrorMessage } from "../errors";
import { requestClose } from "./automation-rpc";
import { runAutomationPass } from "./pass";

/**
 * `/ticket-staff close-request ticket`: the owner is asked in the ticket's thread (or by DM) to close
 * it, with Accept / Keep open; without an answer within the server's delay it closes by itself. With
 * the other staff subcommands in /ticket-staff, hidden from members (and refused to them anyway).
 */
export const closeRequestSubcommand = ticketSubcommand({
  name: "close-request",
  staffOnly: true,
  options: [ticketOption],

  async run(call, values) {
    const { ctx } = call;
    const number = ticketNumber(call, values.ticket);
    if (typeof number !== "number") return number;
    const result = await requestClose(await clientFor(ctx.env, call), number);
    if (!result.ok) {
      const code =
        result.error.code === "ticket_already_closed" || result.error.code === "ticket_not_found"
          ? result.error.code
          : "ticket_not_found";
      return ephemeral(ticketErrorMessage(ctx.t, code, number));
    }
    // The prompt is due now: sent from this request rather than at the next minute.
    ctx.waitUntil(
      runAutomationPass(ctx.env, { guildId: call.identity.guildId }).catch((e: unknown) =>
        console.error("automation kick", e),
      ),
    );
    return ephemeral(
      ctx.t("automation.close_request.sent", {
        number,
        duration: formatDuration(result.value.hours * 3_600, ctx.locale),
      }),
    );
  },
});
