import { ephemeral } from "../../../shared/discord/responses";
import { snippetErrorMessage } from "../../snippets/errors";
import { ticketErrorMessage } from "../errors";
import { afterTicketChange } from "../notify";
import { replyToTicket } from "../rpc";
import { clientFor, notifierFor, reportUndelivered } from "./context";
import { onTicket } from "./define";
import { optionalMessageOption } from "./options";
import { snippetOption, snippetReplyText } from "./reply-snippet";

/**
 * `/ticket reply ticket [message] [snippet]`: a public reply; when staff answer, the member gets it by
 * DM, and if Discord refuses that DM the answer is corrected to say so. Staff may start it with one of
 * the server's canned replies (`snippet:`, reply-snippet.ts); members may not.
 */
export const replySubcommand = onTicket({
  name: "reply",
  staffOnly: false,
  options: [optionalMessageOption, snippetOption],

  async act(call, ticket, values) {
    const { ctx } = call;
    const typed = values.message ?? "";
    const snippet = values.snippet?.trim();
    let body = typed;
    if (snippet) {
      if (!call.staff) return ephemeral(ticketErrorMessage(ctx.t, "staff_only"));
      const text = await snippetReplyText(ctx, call, ticket, snippet, typed);
      if (!text.ok) return ephemeral(snippetErrorMessage(ctx.t, text.error.code, ticket));
      body = text.value;
    }
    return replyToTicket(await clientFor(ctx.env, call), ticket, { body });
  },

  answer({ ctx, staff }, { ticket, message }) {
    const answer = ctx.t("ticket.replied", { number: ticket.number });
    afterTicketChange(notifierFor(ctx), ticket, {
      ...(staff ? { dm: { kind: "reply", actorId: ctx.user.id, message } } : {}),
      thread: { kind: "said", message },
      onUndelivered: reportUndelivered(ctx, ticket, answer),
    });
    return ephemeral(answer);
  },
});
