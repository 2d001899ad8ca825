/**
 * The /ticket options, built once with their French names, descriptions and choices from the tickets
 * catalogue. Names stay English in the interaction data Discord sends back, whatever the member sees.
 */

import { ApplicationCommandOptionType } from "discord-api-types/payloads/v10";
import type {
  APIApplicationCommandBasicOption,
  APIApplicationCommandOptionChoice,
  APIApplicationCommandSubcommandOption,
} from "discord-api-types/v10";
import { localizedDescription, type MessageKey, translate } from "../../../shared/i18n";
import { STATS_PERIODS } from "../render/stats";
import { TICKET_CATEGORIES, TICKET_LIMITS, TICKET_PRIORITIES, TICKET_STATUSES } from "../rpc";

const frenchName = (key: MessageKey) => ({
  name_localizations: { fr: translate("fr", key) },
});

function choices(
  values: readonly string[],
  labelKey: (value: string) => MessageKey,
): APIApplicationCommandOptionChoice<string>[] {
  return values.map((value) => ({
    name: translate("en", labelKey(value)),
    name_localizations: { fr: translate("fr", labelKey(value)) },
    value,
  }));
}

type OptionName =
  | "subject"
  | "description"
  | "category"
  | "priority"
  | "ticket"
  | "message"
  | "reason"
  | "status_filter"
  | "new_status"
  | "mine"
  | "member"
  | "notes"
  | "period";

function option(
  key: OptionName,
  name: string,
  type: APIApplicationCommandBasicOption["type"],
  extra: Record<string, unknown> = {},
  descriptionKey: MessageKey = `command.ticket.option.${key}.description`,
): APIApplicationCommandBasicOption {
  return {
    name,
    ...frenchName(`command.ticket.option.${key}.name`),
    type,
    ...localizedDescription(descriptionKey),
    ...extra,
  } as APIApplicationCommandBasicOption;
}

export const ticketOption = option("ticket", "ticket", ApplicationCommandOptionType.String, {
  required: true,
  autocomplete: true,
  max_length: 12,
});
export const subjectOption = option("subject", "subject", ApplicationCommandOptionType.String, {
  max_length: TICKET_LIMITS.subject,
});
export const descriptionOption = option("description", "description", ApplicationCommandOptionType.String, {
  max_length: TICKET_LIMITS.description,
});
export const categoryOption = option("category", "category", ApplicationCommandOptionType.String, {
  choices: choices(TICKET_CATEGORIES, (c) => `ticket.category.${c}` as MessageKey),
});
export const priorityOption = option("priority", "priority", ApplicationCommandOptionType.String, {
  choices: choices(TICKET_PRIORITIES, (p) => `ticket.priority.${p}` as MessageKey),
});
export const newPriorityOption = option(
  "priority",
  "priority",
  ApplicationCommandOptionType.String,
  { required: true, choices: choices(TICKET_PRIORITIES, (p) => `ticket.priority.${p}` as MessageKey) },
  "command.ticket.option.new_priority.description",
);
export const messageOption = option("message", "message", ApplicationCommandOptionType.String, {
  required: true,
  max_length: TICKET_LIMITS.message,
});
export const reasonOption = option("reason", "reason", ApplicationCommandOptionType.String, {
  max_length: TICKET_LIMITS.reason,
});
const statusChoices = choices(TICKET_STATUSES, (s) => `ticket.status.${s}` as MessageKey);
export const statusFilterOption = option("status_filter", "status", ApplicationCommandOptionType.String, {
  choices: statusChoices,
});
export const newStatusOption = option("new_status", "status", ApplicationCommandOptionType.String, {
  required: true,
  choices: statusChoices,
});
export const mineOption = option("mine", "mine", ApplicationCommandOptionType.Boolean);
export const memberOption = option("member", "member", ApplicationCommandOptionType.User);
export const notesOption = option("notes", "notes", ApplicationCommandOptionType.Boolean);
export const periodOption = option("period", "period", ApplicationCommandOptionType.String, {
  choices: choices(STATS_PERIODS, (p) => `ticket.period.${p}` as MessageKey),
});

type SubcommandName =
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
  | "transcript";

/** A subcommand's definition: English name, French name and both descriptions from the catalogue. */
export function subcommand(
  name: SubcommandName,
  options: APIApplicationCommandBasicOption[] = [],
): APIApplicationCommandSubcommandOption {
  // Discord requires required options first.
  const sorted = [...options].sort((a, b) => Number(Boolean(b.required)) - Number(Boolean(a.required)));
  return {
    name,
    ...frenchName(`command.ticket.${name}.name`),
    type: ApplicationCommandOptionType.Subcommand,
    ...localizedDescription(`command.ticket.${name}.description`),
    ...(sorted.length ? { options: sorted } : {}),
  };
}
