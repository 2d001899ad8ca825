/**
 * `/ticket`: support tickets. Every subcommand lives in its own file beside this one (definition and
 * handler together); this file assembles the command, refuses staff-only subcommands to members before
 * any database call, and routes autocomplete. Each subcommand makes exactly one Supabase call.
 */
import type { SlashCommand } from "../../../shared/discord/handlers";
import { CommandOptions } from "../../../shared/discord/options";
import { ephemeral } from "../../../shared/discord/responses";
import { localizedDescription } from "../../../shared/i18n";
import { ticketErrorMessage } from "../errors";
import { assignSubcommand } from "./assign";
import { autocompleteTicketOption } from "./autocomplete";
import { closeSubcommand } from "./close";
import { type TicketSubcommand, ticketActor } from "./context";
import { createSubcommand } from "./create";
import { listSubcommand } from "./list";
import { noteSubcommand } from "./note";
import { prioritySubcommand } from "./priority";
import { reopenSubcommand } from "./reopen";
import { replySubcommand } from "./reply";
import { statsSubcommand } from "./stats";
import { statusSubcommand } from "./status";
import { transcriptSubcommand } from "./transcript";
import { viewSubcommand } from "./view";

/** Members' subcommands first, then staff's: the order Discord lists them in. */
export const ticketSubcommands: readonly TicketSubcommand[] = [
  createSubcommand,
  listSubcommand,
  viewSubcommand,
  replySubcommand,
  closeSubcommand,
  reopenSubcommand,
  transcriptSubcommand,
  assignSubcommand,
  noteSubcommand,
  statusSubcommand,
  prioritySubcommand,
  statsSubcommand,
];

export const ticketCommand: SlashCommand<MaxisEnv> = {
  data: {
    name: "ticket",
    ...localizedDescription("command.ticket.description"),
    // Tickets belong to a server: guild channels only.
    contexts: [0],
    options: ticketSubcommands.map((s) => s.data),
  },

  run(ctx) {
    const options = new CommandOptions(ctx.interaction.data);
    const handler = ticketSubcommands.find((s) => s.data.name === options.subcommand);
    if (!handler) return ephemeral(ctx.t("error.unknown_command"));
    const actor = ticketActor(ctx.interaction, ctx.env);
    if (!actor) return ephemeral(ticketErrorMessage(ctx.t, "guild_required"));
    if (handler.staffOnly && !actor.staff) return ephemeral(ticketErrorMessage(ctx.t, "staff_only"));
    return handler.run({ ctx, options, ...actor });
  },

  autocomplete(ctx) {
    return autocompleteTicketOption(ctx, new CommandOptions(ctx.interaction.data));
  },
};
