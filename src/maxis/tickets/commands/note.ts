import { ephemeral } from "../../../shared/discord/responses";
import { addInternalNote } from "../rpc";
import { clientFor } from "./context";
import { onTicket } from "./define";
import { messageOption } from "./options";

/** `/ticket-staff note ticket message` (staff): an internal note; nobody is notified, the member never sees it. */
export const noteSubcommand = onTicket({
  name: "note",
  staffOnly: true,
  options: [messageOption],
  act: async (call, ticket, { message }) =>
    addInternalNote(await clientFor(call.ctx.env, call), ticket, message),
  answer: ({ ctx }, noted) => ephemeral(ctx.t("ticket.noted", { number: noted.ticket.number })),
});
