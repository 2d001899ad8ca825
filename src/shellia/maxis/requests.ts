/**
 * From a `/maxis <subcommand>` to the control request Shellia signs: options read and checked where
 * Shellia can (period, operation), everything else left to Maxis, which validates it all anyway.
 */

import { splitOperationLine } from "../../shared/control/operations";
import { parsePeriod } from "../../shared/control/period";
import type { ControlAction, ControlOperator, ControlRequests } from "../../shared/control/protocol";
import { findUnsafeText } from "../../shared/control/text";
import type { CommandOptions } from "../../shared/discord/options";
import type { Locale, MessageKey } from "../../shared/i18n";

/** The actions a `/maxis` subcommand runs (`choices` only feeds autocomplete). */
export type CommandAction = Exclude<ControlAction, "choices">;

export type ControlCall = { [A in CommandAction]: { action: A; request: ControlRequests[A] } }[CommandAction];

export interface CallSource {
  options: CommandOptions;
  operator: ControlOperator;
  locale: Locale;
}

/**
 * The call for what the operator typed, or why none is made. Text Maxis could not store (a NUL, other
 * control characters) is refused here already; Maxis refuses it too, before anything runs.
 */
export function buildControlCall(source: CallSource): ControlCall | { error: MessageKey } {
  const call = readControlCall(source);
  if ("error" in call) return call;
  return findUnsafeText(call.request) === null ? call : { error: "maxis.invalid_text" };
}

function readControlCall({ options, operator, locale }: CallSource): ControlCall | { error: MessageKey } {
  const base = { operator, locale };
  switch (options.subcommand) {
    case "status":
      return { action: "status", request: base };
    case "restart":
      return { action: "restart", request: base };
    case "analytics":
    case "report": {
      const period = parsePeriod(options.string("period"));
      if (!period) return { error: "maxis.invalid_period" };
      const server = (options.string("server") ?? "").trim();
      return {
        action: options.subcommand,
        request: { ...base, period: period.label, ...(server ? { server } : {}) },
      };
    }
    case "promo":
      return {
        action: "promo",
        request: {
          ...base,
          server: (options.string("server") ?? "").trim(),
          percent: options.number("percent") ?? 0,
          plan: options.string("plan") ?? "",
          duration: options.string("duration") ?? "",
        },
      };
    case "giveaway":
      return {
        action: "giveaway",
        request: {
          ...base,
          prize: options.string("prize") ?? "",
          duration: options.string("duration") ?? "",
          winners: options.number("winners") ?? 1,
          // Picked from Maxis's suggestions (an id), or typed as an id or a <#mention>.
          channelId: (options.string("channel") ?? "").replace(/^<#(\d+)>$/, "$1").trim(),
        },
      };
    case "execute": {
      const { name, args } = splitOperationLine(options.string("operation") ?? "");
      if (!name) return { error: "maxis.empty_operation" };
      return { action: "execute", request: { ...base, operation: name, args } };
    }
    default:
      return { error: "error.unknown_command" };
  }
}
