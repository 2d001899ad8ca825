import { ephemeral } from "../../../shared/discord/responses";
import { categoryNamesOf } from "../category-names";
import { ticketViewEmbeds } from "../render/ticket-card";
import { viewTicket } from "../rpc";
import { clientFor } from "./context";
import { onTicket } from "./define";

/** `/ticket view ticket`: the card and the conversation; staff also see internal notes. */
export const viewSubcommand = onTicket({
  name: "view",
  staffOnly: false,
  readOnly: true,
  options: [],
  act: async (call, ticket) => viewTicket(await clientFor(call.ctx.env, call), ticket),
  answer: async ({ ctx, identity }, view) =>
    ephemeral({
      embeds: ticketViewEmbeds(ctx.t, view, await categoryNamesOf(ctx.env, identity.guildId, ctx.locale)),
    }),
});
