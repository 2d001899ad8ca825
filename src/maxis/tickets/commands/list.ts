import type { InteractionContext } from "../../../shared/discord/handlers";
import type { MessageData } from "../../../shared/discord/responses";
import { ephemeral } from "../../../shared/discord/responses";
import { ok, type Result } from "../../../shared/result";
import { LIST_PAGE_SIZE, type ListFilter, ticketListMessage } from "../render/list";
import { listTickets, TICKET_STATUSES, type TicketError, type TicketStatus } from "../rpc";
import { clientFor, refused, type TicketActor } from "./context";
import { ticketSubcommand } from "./define";
import { mineOption, statusFilterOption } from "./options";

export const isStatus = (value: string): value is TicketStatus =>
  (TICKET_STATUSES as readonly string[]).includes(value);

/** One page of the caller's visible tickets (one database call), for the command and its buttons. */
export async function ticketListPage(
  ctx: InteractionContext<MaxisEnv>,
  actor: TicketActor,
  filter: ListFilter,
  offset: number,
): Promise<Result<MessageData, TicketError>> {
  const client = await clientFor(ctx.env, actor);
  const read = (at: number) =>
    listTickets(client, {
      ...(filter.status ? { status: filter.status } : {}),
      mine: filter.mine && actor.staff,
      limit: LIST_PAGE_SIZE,
      offset: at,
    });
  let result = await read(offset);
  if (!result.ok) return result;
  const { items, total } = result.value;
  // Tickets closed since the list was shown can leave a Next button pointing past the end: show the
  // last page there is rather than an empty "page 2 of 1" with no way back.
  if (items.length === 0 && offset > 0 && total > 0) {
    result = await read(Math.floor((total - 1) / LIST_PAGE_SIZE) * LIST_PAGE_SIZE);
    if (!result.ok) return result;
  }
  return ok(ticketListMessage(ctx.t, result.value, filter, actor.staff));
}

/** `/ticket list [status] [mine]`: members see their own tickets, staff the server's. */
export const listSubcommand = ticketSubcommand({
  name: "list",
  staffOnly: false,
  readOnly: true,
  options: [statusFilterOption, mineOption],

  async run(call, { status, mine }) {
    const { ctx } = call;
    if (status !== undefined && !isStatus(status))
      return refused(ctx, { code: "invalid_status", detail: null });
    const filter = { guildId: call.identity.guildId, status, mine: mine ?? false };
    const page = await ticketListPage(ctx, call, filter, 0);
    return page.ok ? ephemeral(page.value) : refused(ctx, page.error);
  },
});
