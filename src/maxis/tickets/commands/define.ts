/**
 * How a /ticket subcommand is written: its definition (options built once in options.ts) and a
 * handler that gets the option values typed from that same definition, never looked up by name.
 *
 * Most subcommands act on one ticket; `onTicket` is their shape: `ticket:` first, its number checked
 * before any database call, one call (`act`), a refusal answered in the member's language, then
 * `answer` says what happened.
 */
import type { APIInteractionResponse } from "discord-api-types/v10";
import {
  type DefinedOption,
  type OptionValues,
  readOptions,
} from "../../../shared/discord/command-definition";
import { ephemeral } from "../../../shared/discord/responses";
import { ticketErrorMessage } from "../errors";
import { escapeMarkdown } from "../render/escape";
import type { TicketResult } from "../rpc";
import { parseTicketNumber } from "../ticket-ref";
import { refused, type TicketCall, type TicketSubcommand } from "./context";
import { type SubcommandName, subcommand, ticketOption } from "./options";

type Awaitable<T> = T | Promise<T>;

interface SubcommandSpec<O extends DefinedOption[]> {
  name: SubcommandName;
  /** Refused with a localized error before any database call for members. */
  staffOnly: boolean;
  /** See TicketSubcommand; absent, the interaction is claimed so that a replay runs once. */
  readOnly?: true;
  options: O;
  run(call: TicketCall, values: OptionValues<O>): Awaitable<APIInteractionResponse>;
}

export function ticketSubcommand<const O extends DefinedOption[]>(spec: SubcommandSpec<O>): TicketSubcommand {
  return {
    data: subcommand(spec.name, spec.options),
    staffOnly: spec.staffOnly,
    ...(spec.readOnly ? { readOnly: spec.readOnly } : {}),
    run: (call) => spec.run(call, readOptions(call.options, spec.options)),
  };
}

/**
 * The `ticket` option as a number, or the answer to send (a typo never reaches the database). The
 * answer quotes what was typed, escaped: it is member text like any other.
 */
export function ticketNumber(call: TicketCall, typed: string): number | APIInteractionResponse {
  const number = parseTicketNumber(typed);
  if (number !== null) return number;
  return ephemeral(
    // 20 characters, not UTF-16 units: half an emoji would make Discord refuse the whole answer.
    ticketErrorMessage(
      call.ctx.t,
      "invalid_ticket_number",
      escapeMarkdown([...typed.trim()].slice(0, 20).join("")),
    ),
  );
}

interface TicketActionSpec<O extends DefinedOption[], T> {
  name: SubcommandName;
  staffOnly: boolean;
  readOnly?: true;
  /** Besides `ticket:`, which comes first. */
  options: O;
  /** The one database call; may answer by itself instead (a check of its own before the call). */
  act(
    call: TicketCall,
    ticket: number,
    values: OptionValues<O>,
  ): Promise<TicketResult<T> | APIInteractionResponse>;
  answer(call: TicketCall, done: T, values: OptionValues<O>): Awaitable<APIInteractionResponse>;
}

/** A subcommand on one ticket (see the top of this file). */
export function onTicket<const O extends DefinedOption[], T>(spec: TicketActionSpec<O, T>): TicketSubcommand {
  return {
    data: subcommand(spec.name, [ticketOption, ...spec.options]),
    staffOnly: spec.staffOnly,
    ...(spec.readOnly ? { readOnly: spec.readOnly } : {}),
    async run(call) {
      const ticket = ticketNumber(call, readOptions(call.options, [ticketOption]).ticket);
      if (typeof ticket !== "number") return ticket;
      const values = readOptions(call.options, spec.options);
      const outcome = await spec.act(call, ticket, values);
      if (!("ok" in outcome)) return outcome;
      if (!outcome.ok) return refused(call.ctx, outcome.error, ticket);
      return spec.answer(call, outcome.value, values);
    },
  };
}
