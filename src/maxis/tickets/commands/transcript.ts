import { ComponentType } from "discord-api-types/payloads/v10";
import { deferThenEditWithFile } from "../../../shared/discord/followup";
import type { CommandContext } from "../../../shared/discord/handlers";
import { ephemeral } from "../../../shared/discord/responses";
import { DiscordRest } from "../../../shared/discord/rest";
import { discordTimestamp } from "../../../shared/i18n/dates";
import { displayName } from "../../dashboard-auth/staff";
import { lookUpPeople } from "../../people/directory";
import { categoryNamesOf } from "../category-names";
import { ticketErrorMessage } from "../errors";
import { transcriptFileName, transcriptMarkdown, transcriptPeople } from "../render/transcript";
import { type TicketTranscript, ticketTranscript } from "../rpc";
import { transcriptLinkButton } from "../transcript-button";
import { clientFor } from "./context";
import { ticketNumber, ticketSubcommand } from "./define";
import { notesOption, ticketOption } from "./options";

/**
 * The names a transcript shows: the caller's as Discord gave it in the interaction, everyone else's
 * from the server (cached). Whoever cannot be found keeps their id.
 */
async function namesFor(ctx: CommandContext<MaxisEnv>, transcript: TicketTranscript) {
  const names = new Map<string, string>();
  const { member } = ctx.interaction;
  names.set(ctx.user.id, member?.nick || displayName(ctx.user));
  const others = transcriptPeople(transcript).filter((id) => !names.has(id));
  const guildId = ctx.interaction.guild_id;
  if (guildId && others.length > 0) {
    const people = await lookUpPeople({ env: ctx.env, guildId, ids: others, waitUntil: ctx.waitUntil });
    for (const person of people) if (person.name) names.set(person.id, person.name);
  }
  return names;
}

/**
 * `/ticket transcript ticket [notes]`: the public thread as a Markdown file, for the ticket's owner and
 * for staff; only staff may ask for internal notes. The file is attached to the deferred answer, with
 * a button to the web page: the member's own signed link, or the ticket on the staff's dashboard.
 */
export const transcriptSubcommand = ticketSubcommand({
  name: "transcript",
  staffOnly: false,
  options: [ticketOption, notesOption],

  run(call, values) {
    const number = ticketNumber(call, values.ticket);
    if (typeof number !== "number") return number;
    const { ctx } = call;
    const withNotes = values.notes ?? false;
    if (withNotes && !call.staff) return ephemeral(ticketErrorMessage(ctx.t, "staff_only"));
    const rest = new DiscordRest({ baseUrl: ctx.env.DISCORD_API_BASE });
    return deferThenEditWithFile(
      ctx,
      rest,
      async () => {
        const result = await ticketTranscript(await clientFor(ctx.env, call), number, withNotes);
        if (!result.ok) return { message: ticketErrorMessage(ctx.t, result.error.code, number) };
        const transcript = result.value;
        const key = transcript.includesInternal
          ? "ticket.transcript.ready_with_notes"
          : "ticket.transcript.ready";
        const ready = ctx.t(key, { number: transcript.ticket.number, count: transcript.messages.length });
        const link = await transcriptLinkButton(ctx.env, {
          t: ctx.t,
          guildId: call.identity.guildId,
          number: transcript.ticket.number,
          userId: ctx.user.id,
          staff: call.staff,
        });
        return {
          message: {
            content: link?.until
              ? `${ready}\n${ctx.t("ticket.transcript.link_note", { until: discordTimestamp(link.until * 1000) })}`
              : ready,
            ...(link ? { components: [{ type: ComponentType.ActionRow, components: [link.button] }] } : {}),
          },
          file: {
            name: transcriptFileName(transcript.ticket.number),
            contentType: "text/markdown; charset=utf-8",
            data: transcriptMarkdown(
              {
                t: ctx.t,
                locale: ctx.locale,
                names: await namesFor(ctx, transcript),
                staff: call.staff,
                categoryName: await categoryNamesOf(ctx.env, call.identity.guildId, ctx.locale),
              },
              transcript,
              new Date().toISOString(),
            ),
          },
        };
      },
      { ephemeral: true },
    );
  },
});
