import type { ComponentHandler } from "../../../shared/discord/handlers";
import { ephemeral, updateMessage } from "../../../shared/discord/responses";
import { ticketActor } from "../commands/context";
import { isStatus, ticketListPage } from "../commands/list";
import { ticketErrorMessage } from "../errors";
import { LIST_PAGE_PREFIX } from "../render/list";

/**
 * Previous/Next under `/ticket list`: `ticket-page:<server id>:<status|all>:<mine 0|1>:<offset>`. The
 * page is read again as whoever clicked, in the server the button names and only when clicked there,
 * so a button can never show more than that person may see in that server.
 */
export const ticketListPages: ComponentHandler<MaxisEnv> = {
  prefix: LIST_PAGE_PREFIX,
  // Reads the page again (ticket_list, STABLE): a replayed click shows the same page.
  readOnly: true,

  async run(ctx, [guildId = "", status = "", mine = "", offset = ""]) {
    const actor = await ticketActor(ctx.interaction, ctx.env);
    if (!actor) return ephemeral(ticketErrorMessage(ctx.t, "guild_required"));
    if (actor.identity.guildId !== guildId) return ephemeral(ctx.t("ticket.error.other_server"));
    const start = Number(offset);
    if (
      (status !== "all" && !isStatus(status)) ||
      !/^\d{1,6}$/.test(offset) ||
      !Number.isSafeInteger(start)
    ) {
      return ephemeral(ctx.t("error.unknown_component"));
    }
    const filter = { guildId, status: status === "all" ? undefined : status, mine: mine === "1" };
    const page = await ticketListPage(ctx, actor, filter, start);
    return page.ok ? updateMessage(page.value) : ephemeral(ticketErrorMessage(ctx.t, page.error.code));
  },
};
