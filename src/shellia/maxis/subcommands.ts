/**
 * The `/maxis` subcommands, one per control action: what `commands/maxis.ts` registers with Discord,
 * and what `requests.ts` reads option values from, typed from these same definitions.
 */

import type { ControlAction } from "../../shared/control/protocol";
import { type DefinedOption, option, subcommand } from "../../shared/discord/command-definition";

/** The actions a `/maxis` subcommand runs (`choices` only feeds autocomplete). */
export type CommandAction = Exclude<ControlAction, "choices">;

/** Which bot: on every subcommand, and read before the rest (`chooseTargets`). */
export const targetOption = option.string("target", "command.maxis.option.target", { autocomplete: true });
const period = option.string("period", "command.maxis.option.period", { max_length: 8 });
/** Whose revenue analytics and report show: Maxis's home server unless the operator names another. */
const revenueServer = option.string("server", "command.maxis.option.revenue_server", {
  autocomplete: true,
  max_length: 24,
});
/** A promotion changes one server's /shop: Maxis's home server unless the operator names another of its servers. */
export const promoServerOption = option.string("server", "command.maxis.option.server", {
  autocomplete: true,
  max_length: 24,
});
const duration = option.string("duration", "command.maxis.option.duration", {
  required: true,
  max_length: 16,
});

/** Every subcommand is a control action, and may name which Maxis bot it is for. */
const action = <const A extends CommandAction, const O extends DefinedOption[] = []>(
  name: A,
  options: O = [] as unknown as O,
) => subcommand(name, `command.maxis.${name}`, [...options, targetOption]);

export const maxisSubcommands = {
  status: action("status"),
  analytics: action("analytics", [period, revenueServer]),
  promo: action("promo", [
    option.integer("percent", "command.maxis.option.percent", {
      required: true,
      min_value: 1,
      max_value: 90,
    }),
    option.string("plan", "command.maxis.option.plan", {
      required: true,
      autocomplete: true,
      max_length: 32,
    }),
    duration,
    // Optional: Discord lists required options first.
    promoServerOption,
  ]),
  giveaway: action("giveaway", [
    option.string("prize", "command.maxis.option.prize", { required: true, max_length: 256 }),
    duration,
    // A string the operator picks from Maxis's own channels: Shellia may sit on another server,
    // where Discord's channel picker could only offer Shellia's channels.
    option.string("channel", "command.maxis.option.channel", {
      required: true,
      autocomplete: true,
      max_length: 24,
    }),
    option.integer("winners", "command.maxis.option.winners", { min_value: 1, max_value: 20 }),
  ]),
  restart: action("restart"),
  report: action("report", [period, revenueServer]),
  execute: action("execute", [
    option.string("operation", "command.maxis.option.operation", {
      required: true,
      autocomplete: true,
      max_length: 100,
    }),
  ]),
};

type MaxisOption = (typeof maxisSubcommands)[CommandAction]["options"][number];
/** Every option of every `/maxis` subcommand: what autocomplete may be asked about. */
export const maxisOptions: readonly MaxisOption[] = Object.values(maxisSubcommands).flatMap(
  (s): readonly MaxisOption[] => s.options,
);
