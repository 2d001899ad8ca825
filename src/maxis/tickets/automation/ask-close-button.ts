import type { ComponentHandler } from "../../../shared/discord/handlers";
import { ephemeral } from "../../../shared/discord/responses";
import { formatDuration } from "../../../shared/i18n/duration";
import { clientFor, ticketActor } from "../commands/context";
import { ticketErrorMessage } from "../errors";
import { ASK_CLOSE_PREFIX } from "../render/automation";
import { parseTicketNumber } from "../ticket-ref";
import { requestClose } from "./automation-rpc";
import { runAutomationPass } from "./pass";

const SNOWFLAKE = /^[0-9]{1,20}$/;

/**
 * "Ask to close" on the staff channel's post (`ticket-ask-close:<server id>:<number>`): as
 * `/ticket close-request`, from staff of the ticket's own server only.
 */
export const askToCloseButtonHandler: ComponentHandler<MaxisEnv> = {
  prefix: ASK_CLOSE_PREFIX,

  async run(ctx, [guildId = "", rawNumber = ""]) {
    const number = parseTicketNumber(rawNumber);
    if (!SNOWFLAKE.test(guildId) || number === null) return ephemeral(ctx.t("error.unknown_component"));
    const actor = await ticketActor(ctx.interaction, ctx.env);
    if (!actor) return ephemeral(ticketErrorMessage(ctx.t, "guild_required"));
    if (actor.identity.guildId !== guildId) return ephemeral(ctx.t("ticket.error.other_server"));
    if (!actor.staff) return ephemeral(ticketErrorMessage(ctx.t, "staff_only"));
    const result = await requestClose(await clientFor(ctx.env, actor), number);
    if (!result.ok) {
      return ephemeral(
        ticketErrorMessage(
          ctx.t,
          result.error.code === "ticket_already_closed" ? result.error.code : "ticket_not_found",
          number,
        ),
      );
    }
    ctx.waitUntil(
      runAutomationPass(ctx.env, { guildId }).catch((e: unknown) => console.error("automation kick", e)),
    );
    return ephemeral(
      ctx.t("automation.close_request.sent", {
        number,
        duration: formatDuration(result.value.hours * 3_600, ctx.locale),
      }),
    );
  },
};
