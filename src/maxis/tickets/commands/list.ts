import type { InteractionContext } from "../../../shared/discord/handlers";
import type { MessageData } from "../../../shared/discord/responses";
import { ephemeral } from "../../../shared/discord/responses";
import { LIST_PAGE_SIZE, type ListFilter, ticketListMessage } from "../render/list";
import { listTickets, TICKET_STATUSES, type TicketError, type TicketStatus } from "../rpc";
import { clientFor, refused, type TicketActor, type TicketSubcommand } from "./context";
import { mineOption, statusFilterOption, subcommand } from "./options";

export const isStatus = (value: string): value is TicketStatus =>
  (TICKET_STATUSES as readonly string[]).includes(value);

/** One page of the caller's visible tickets (one database call), for the command and its buttons. */
export async function ticketListPage(
  ctx: InteractionContext<MaxisEnv>,
  actor: TicketActor,
  filter: ListFilter,
  offset: number,
): Promise<{ ok: true; message: MessageData } | { ok: false; error: TicketError }> {
  const result = await listTickets(await clientFor(ctx.env, actor), {
    ...(filter.status ? { status: filter.status } : {}),
    mine: filter.mine && actor.staff,
    limit: LIST_PAGE_SIZE,
    offset,
  });
  if (!result.ok) return result;
  return { ok: true, message: ticketListMessage(ctx.t, result.data, filter, actor.staff) };
}

/** `/ticket list [status] [mine]`: members see their own tickets, staff the server's. */
export const listSubcommand: TicketSubcommand = {
  data: subcommand("list", [statusFilterOption, mineOption]),
  staffOnly: false,

  async run({ ctx, options, ...actor }) {
    const status = options.string("status");
    if (status !== undefined && !isStatus(status))
      return refused(ctx, { code: "invalid_status", detail: null });
    const filter = { guildId: actor.identity.guildId, status, mine: options.boolean("mine") ?? false };
    const page = await ticketListPage(ctx, actor, filter, 0);
    return page.ok ? ephemeral(page.message) : refused(ctx, page.error);
  },
};
