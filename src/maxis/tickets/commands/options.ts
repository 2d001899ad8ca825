/**
 * The /ticket and /ticket-staff options, built once with the shared builder: French names,
 * descriptions and choices from the tickets catalogue. Names stay English in the interaction data
 * Discord sends back, whatever the member sees.
 */

import {
  type DefinedOption,
  subcommand as defineSubcommand,
  localizedChoices,
  option,
} from "../../../shared/discord/command-definition";
import type { MessageKey } from "../../../shared/i18n";
import { STATS_PERIODS } from "../render/stats";
import { TICKET_LIMITS, TICKET_PRIORITIES, TICKET_STATUSES } from "../rpc";

export const ticketOption = option.string("ticket", "command.ticket.option.ticket", {
  required: true,
  autocomplete: true,
  max_length: 12,
});
export const subjectOption = option.string("subject", "command.ticket.option.subject", {
  max_length: TICKET_LIMITS.subject,
});
export const descriptionOption = option.string("description", "command.ticket.option.description", {
  max_length: TICKET_LIMITS.description,
});
/** The server's enabled categories, its own included: suggested as the member types (category-option.ts). */
export const categoryOption = option.string("category", "command.ticket.option.category", {
  autocomplete: true,
  max_length: 32,
});
const priorityChoices = localizedChoices(TICKET_PRIORITIES, (p) => `ticket.priority.${p}` as MessageKey);
export const priorityOption = option.string("priority", "command.ticket.option.priority", {
  choices: priorityChoices,
});
export const newPriorityOption = option.string("priority", "command.ticket.option.new_priority", {
  required: true,
  choices: priorityChoices,
});
export const messageOption = option.string("message", "command.ticket.option.message", {
  required: true,
  max_length: TICKET_LIMITS.message,
});
/** `/ticket reply`'s message: optional, since staff may send a canned reply (`snippet:`) instead. */
export const optionalMessageOption = option.string("message", "command.ticket.option.message", {
  max_length: TICKET_LIMITS.message,
});
export const reasonOption = option.string("reason", "command.ticket.option.reason", {
  max_length: TICKET_LIMITS.reason,
});
const statusChoices = localizedChoices(TICKET_STATUSES, (s) => `ticket.status.${s}` as MessageKey);
export const statusFilterOption = option.string("status", "command.ticket.option.status_filter", {
  choices: statusChoices,
});
export const newStatusOption = option.string("status", "command.ticket.option.new_status", {
  required: true,
  choices: statusChoices,
});
export const mineOption = option.boolean("mine", "command.ticket.option.mine");
export const memberOption = option.user("member", "command.ticket.option.member");
export const notesOption = option.boolean("notes", "command.ticket.option.notes");
export const periodOption = option.string("period", "command.ticket.option.period", {
  choices: localizedChoices(STATS_PERIODS, (p) => `ticket.period.${p}` as MessageKey),
});

export type SubcommandName =
  | "create"
  | "list"
  | "view"
  | "reply"
  | "close"
  | "reopen"
  | "assign"
  | "note"
  | "status"
  | "priority"
  | "stats"
  | "transcript"
  | "panel"
  | "close-request";

/** A subcommand's definition: English name, French name and both descriptions from the catalogue. */
export const subcommand = <const O extends DefinedOption[] = []>(
  name: SubcommandName,
  options: O = [] as unknown as O,
) => defineSubcommand(name, `command.ticket.${name}`, options);
