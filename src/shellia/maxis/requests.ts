/**
 * From a `/maxis <subcommand>` to the control request Shellia signs: options read and checked where
 * Shellia can (period, operation), everything else left to Maxis, which validates it all anyway.
 */

import { splitOperationLine } from "../../shared/control/operations";
import { parsePeriod } from "../../shared/control/period";
import type { ControlOperator, ControlRequests } from "../../shared/control/protocol";
import { findUnsafeText } from "../../shared/control/text";
import { readOptions } from "../../shared/discord/command-definition";
import type { CommandOptions } from "../../shared/discord/options";
import type { Locale, MessageKey } from "../../shared/i18n";
import { err, ok, type Result } from "../../shared/result";
import { type CommandAction, maxisSubcommands as sub } from "./subcommands";

export type { CommandAction } from "./subcommands";

/** One action with its own request type. */
export interface ActionCall<A extends CommandAction> {
  action: A;
  request: ControlRequests[A];
}

export type ControlCall = { [A in CommandAction]: ActionCall<A> }[CommandAction];

export interface CallSource {
  options: CommandOptions;
  operator: ControlOperator;
  locale: Locale;
}

/**
 * The call for what the operator typed, or why none is made. Text Maxis could not store (a NUL, other
 * control characters) is refused here already; Maxis refuses it too, before anything runs.
 */
export function buildControlCall(source: CallSource): Result<ControlCall, MessageKey> {
  const call = readControlCall(source);
  if (!call.ok) return call;
  return findUnsafeText(call.value.request) === null ? call : err("maxis.invalid_text");
}

function readControlCall({ options, operator, locale }: CallSource): Result<ControlCall, MessageKey> {
  const base = { operator, locale };
  switch (options.subcommand) {
    case "status":
      return ok({ action: "status", request: base });
    case "restart":
      return ok({ action: "restart", request: base });
    case "analytics":
    case "report": {
      const values = readOptions(options, sub[options.subcommand].options);
      const period = parsePeriod(values.period);
      if (!period) return err("maxis.invalid_period");
      const server = (values.server ?? "").trim();
      return ok({
        action: options.subcommand,
        request: { ...base, period: period.label, ...(server ? { server } : {}) },
      });
    }
    case "promo": {
      const { server, percent, plan, duration } = readOptions(options, sub.promo.options);
      return ok({
        action: "promo",
        request: { ...base, server: (server ?? "").trim(), percent, plan, duration },
      });
    }
    case "giveaway": {
      const { prize, duration, winners, channel } = readOptions(options, sub.giveaway.options);
      return ok({
        action: "giveaway",
        request: {
          ...base,
          prize,
          duration,
          winners: winners ?? 1,
          // Picked from Maxis's suggestions (an id), or typed as an id or a <#mention>.
          channelId: channel.replace(/^<#(\d+)>$/, "$1").trim(),
        },
      });
    }
    case "execute": {
      const { name, args } = splitOperationLine(readOptions(options, sub.execute.options).operation);
      if (!name) return err("maxis.empty_operation");
      return ok({ action: "execute", request: { ...base, operation: name, args } });
    }
    default:
      return err("error.unknown_command");
  }
}
