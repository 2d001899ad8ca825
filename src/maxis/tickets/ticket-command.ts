/**
 * `/ticket` (everyone) and `/ticket-staff` (support team): support tickets. Every subcommand lives in
 * its own file beside this one (definition and handler together); this file assembles the two
 * commands, refuses staff-only subcommands to members before any database call, and routes
 * autocomplete. Each subcommand makes exactly one Supabase call.
 *
 * Two commands rather than one because Discord hides whole commands, not subcommands, from members
 * (`default_member_permissions`): members never see assign, note, status, priority or stats.
 */
import { PermissionFlagsBits } from "discord-api-types/payloads/v10";
import { focusedOption, guildCommand } from "../../shared/discord/command-definition";
import type { SlashCommand } from "../../shared/discord/handlers";
import { CommandOptions } from "../../shared/discord/options";
import { autocompleteChoices, ephemeral } from "../../shared/discord/responses";
import type { MessageKey } from "../../shared/i18n";
import { closeRequestSubcommand } from "./automation/close-request-command";
import { assignSubcommand } from "./commands/assign";
import { autocompleteTicketOption } from "./commands/autocomplete";
import { autocompleteCategoryOption } from "./commands/category-option";
import { closeSubcommand } from "./commands/close";
import { type TicketSubcommand, ticketActor } from "./commands/context";
import { createSubcommand } from "./commands/create";
import { listSubcommand } from "./commands/list";
import { noteSubcommand } from "./commands/note";
import { categoryOption, ticketOption } from "./commands/options";
import { prioritySubcommand } from "./commands/priority";
import { reopenSubcommand } from "./commands/reopen";
import { replySubcommand } from "./commands/reply";
import { autocompleteSnippetOption, snippetOption } from "./commands/reply-snippet";
import { statsSubcommand } from "./commands/stats";
import { statusSubcommand } from "./commands/status";
import { transcriptSubcommand } from "./commands/transcript";
import { viewSubcommand } from "./commands/view";
import { ticketErrorMessage } from "./errors";
import { panelSubcommand } from "./panel/panel-command";

/** Members' subcommands first, then staff's. */
export const ticketSubcommands: readonly TicketSubcommand[] = [
  createSubcommand,
  listSubcommand,
  viewSubcommand,
  replySubcommand,
  closeSubcommand,
  reopenSubcommand,
  transcriptSubcommand,
  panelSubcommand,
  assignSubcommand,
  noteSubcommand,
  statusSubcommand,
  prioritySubcommand,
  statsSubcommand,
  closeRequestSubcommand,
];

/**
 * Who sees `/ticket-staff` in their picker by default: Manage Server, which makes an admin
 * (`src/maxis/auth/app-role.ts`). Discord cannot say "holders of the server's staff roles" here, so
 * a server admin allows those roles under Server Settings → Integrations → Maxis (/setup says so).
 * Manage Messages alone no longer makes staff, so it no longer shows the command.
 */
export const STAFF_COMMAND_PERMISSIONS = PermissionFlagsBits.ManageGuild;

function ticketCommandFor(
  name: string,
  description: MessageKey,
  subcommands: readonly TicketSubcommand[],
  staffCommand: boolean,
): SlashCommand<MaxisEnv> {
  return {
    data: guildCommand({
      name,
      description,
      ...(staffCommand ? { defaultMemberPermissions: STAFF_COMMAND_PERMISSIONS } : {}),
      options: subcommands.map((s) => s.data),
    }),
    // Per subcommand: `/ticket list` only reads, `/ticket create` must run once.
    readOnly: (interaction) =>
      subcommands.find((s) => s.data.name === new CommandOptions(interaction.data).subcommand)?.readOnly ===
      true,

    async run(ctx) {
      const options = new CommandOptions(ctx.interaction.data);
      const handler = subcommands.find((s) => s.data.name === options.subcommand);
      if (!handler) return ephemeral(ctx.t("error.unknown_command"));
      const actor = await ticketActor(ctx.interaction, ctx.env);
      if (!actor) return ephemeral(ticketErrorMessage(ctx.t, "guild_required"));
      // Hiding the command is only a courtesy of Discord's picker: the check that counts is here.
      if (handler.staffOnly && !actor.staff) return ephemeral(ticketErrorMessage(ctx.t, "staff_only"));
      return handler.run({ ctx, options, ...actor });
    },

    autocomplete(ctx) {
      const options = new CommandOptions(ctx.interaction.data);
      const focused = focusedOption(options, [ticketOption, categoryOption, snippetOption]);
      switch (focused?.name) {
        case "category":
          return autocompleteCategoryOption(ctx, focused.value);
        case "snippet":
          return autocompleteSnippetOption(ctx, focused.value);
        case "ticket":
          return autocompleteTicketOption(ctx, focused.value);
        default:
          return autocompleteChoices([]);
      }
    },
  };
}

/** `/ticket`: open, follow and close your tickets (staff use it too, on the server's tickets). */
export const ticketCommand = ticketCommandFor(
  "ticket",
  "command.ticket.description",
  ticketSubcommands.filter((s) => !s.staffOnly),
  false,
);

/** `/ticket-staff`: assign, note, status, priority and stats, hidden from members. */
export const ticketStaffCommand = ticketCommandFor(
  "ticket-staff",
  "command.ticket_staff.description",
  ticketSubcommands.filter((s) => s.staffOnly),
  true,
);
