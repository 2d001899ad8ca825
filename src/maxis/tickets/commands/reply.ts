import { ephemeral } from "../../../shared/discord/responses";
import { snippetErrorMessage } from "../../snippets/errors";
import { ticketErrorMessage } from "../errors";
import { afterTicketChange } from "../notify";
import { replyToTicket } from "../rpc";
import {
  clientFor,
  notifierFor,
  refused,
  reportUndelivered,
  type TicketSubcommand,
  ticketNumberOption,
} from "./context";
import { optionalMessageOption, subcommand, ticketOption } from "./options";
import { snippetOption, snippetReplyText } from "./reply-snippet";

/**
 * `/ticket reply ticket [message] [snippet]`: a public reply; when staff answer, the member gets it by
 * DM, and if Discord refuses that DM the answer is corrected to say so. Staff may start it with one of
 * the server's canned replies (`snippet:`, reply-snippet.ts); members may not.
 */
export const replySubcommand: TicketSubcommand = {
  data: subcommand("reply", [ticketOption, optionalMessageOption, snippetOption]),
  staffOnly: false,

  async run(call) {
    const ref = ticketNumberOption(call);
    if ("response" in ref) return ref.response;
    const { ctx } = call;
    const typed = call.options.string("message") ?? "";
    const snippet = call.options.string("snippet")?.trim();
    let body = typed;
    if (snippet) {
      if (!call.staff) return ephemeral(ticketErrorMessage(ctx.t, "staff_only"));
      const text = await snippetReplyText(ctx, call, ref.number, snippet, typed);
      if (!text.ok) return ephemeral(snippetErrorMessage(ctx.t, text.code, ref.number));
      body = text.text;
    }
    const result = await replyToTicket(await clientFor(ctx.env, call), ref.number, { body });
    if (!result.ok) return refused(ctx, result.error, ref.number);
    const { ticket, message } = result.data;
    const answer = ctx.t("ticket.replied", { number: ticket.number });
    afterTicketChange(notifierFor(ctx), ticket, {
      ...(call.staff ? { dm: { kind: "reply", actorId: ctx.user.id, message } } : {}),
      thread: { kind: "said", message },
      onUndelivered: reportUndelivered(ctx, ticket, answer),
    });
    return ephemeral(answer);
  },
};
