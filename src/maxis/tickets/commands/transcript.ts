import { deferThenEditWithFile } from "../../../shared/discord/followup";
import { ephemeral } from "../../../shared/discord/responses";
import { DiscordRest } from "../../../shared/discord/rest";
import { ticketErrorMessage } from "../errors";
import { transcriptFileName, transcriptMarkdown } from "../render/transcript";
import { ticketTranscript } from "../rpc";
import { clientFor, type TicketSubcommand, ticketNumberOption } from "./context";
import { notesOption, subcommand, ticketOption } from "./options";

/**
 * `/ticket transcript ticket [notes]`: the public thread as a Markdown file, for the ticket's owner and
 * for staff; only staff may ask for internal notes. The file is attached to the deferred answer.
 */
export const transcriptSubcommand: TicketSubcommand = {
  data: subcommand("transcript", [ticketOption, notesOption]),
  staffOnly: false,

  run(call) {
    const ref = ticketNumberOption(call);
    if ("response" in ref) return ref.response;
    const { ctx } = call;
    const withNotes = call.options.boolean("notes") ?? false;
    if (withNotes && !call.staff) return ephemeral(ticketErrorMessage(ctx.t, "staff_only"));
    const rest = new DiscordRest({ baseUrl: ctx.env.DISCORD_API_BASE });
    return deferThenEditWithFile(
      ctx,
      rest,
      async () => {
        const result = await ticketTranscript(await clientFor(ctx.env, call), ref.number, withNotes);
        if (!result.ok) return { message: ticketErrorMessage(ctx.t, result.error.code, ref.number) };
        const transcript = result.data;
        const key = transcript.includesInternal
          ? "ticket.transcript.ready_with_notes"
          : "ticket.transcript.ready";
        return {
          message: ctx.t(key, { number: transcript.ticket.number, count: transcript.messages.length }),
          file: {
            name: transcriptFileName(transcript.ticket.number),
            contentType: "text/markdown; charset=utf-8",
            data: transcriptMarkdown(ctx.t, transcript, new Date().toISOString()),
          },
        };
      },
      { ephemeral: true },
    );
  },
};
