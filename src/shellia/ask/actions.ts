/**
 * What `/ask` may propose: exactly the `/maxis` subcommands, read from the `/maxis` command
 * definition itself (option names, types, required, ranges, lengths). A new `/maxis` action is thus
 * understood by the model without touching this layer, and nothing `/maxis` cannot do can be
 * proposed. Pure.
 */
import { ApplicationCommandOptionType } from "discord-api-types/payloads/v10";
import type {
  APIApplicationCommandBasicOption,
  APIApplicationCommandSubcommandOption,
  APIChatInputApplicationCommandInteractionData,
} from "discord-api-types/v10";
import { isSafeText } from "../../shared/control/text";
import { en } from "../../shared/i18n/catalogs";
import { err, ok, type Result } from "../../shared/result";
import type { CommandAction } from "../maxis/requests";

export type OptionValue = string | number;

/** An action as understood, before its options are checked: the parser's or the model's. */
export interface ActionDraft {
  action: string;
  options: Record<string, unknown>;
  /** Words that may name the plan, when the parser could not tell which one does. */
  hints?: string[];
}

/** An action whose options are what `/maxis` itself would accept. */
export interface Proposal {
  action: CommandAction;
  options: Record<string, OptionValue>;
}

/** Read-only actions run at once; every other action (present or future) waits for a confirmation. */
const READ_ONLY: ReadonlySet<string> = new Set(["status", "analytics", "report"]);
export const isReadOnly = (action: CommandAction) => READ_ONLY.has(action);

export interface OptionSpec {
  name: string;
  type: "string" | "integer";
  required: boolean;
  min?: number;
  max?: number;
  maxLength?: number;
  description: string;
}

export interface ActionSpec {
  name: CommandAction;
  description: string;
  options: OptionSpec[];
}

function optionSpec(option: APIApplicationCommandBasicOption): OptionSpec | null {
  if (
    option.type !== ApplicationCommandOptionType.String &&
    option.type !== ApplicationCommandOptionType.Integer
  ) {
    return null;
  }
  const base = { name: option.name, required: option.required === true, description: option.description };
  if (option.type === ApplicationCommandOptionType.Integer) {
    return {
      ...base,
      type: "integer",
      ...(option.min_value !== undefined ? { min: option.min_value } : {}),
      ...(option.max_value !== undefined ? { max: option.max_value } : {}),
    };
  }
  return {
    ...base,
    type: "string",
    ...(option.max_length !== undefined ? { maxLength: option.max_length } : {}),
  };
}

/** The specs of every subcommand of a command definition such as `/maxis`'s. */
export function actionSpecs(subcommands: readonly APIApplicationCommandSubcommandOption[]): ActionSpec[] {
  return subcommands.map((sub) => ({
    name: sub.name as CommandAction,
    description: sub.description,
    options: (sub.options ?? []).map(optionSpec).filter((o): o is OptionSpec => o !== null),
  }));
}

/** Why a draft cannot be proposed as it is: something to ask the operator, or not an action at all. */
export type DraftProblem =
  | { kind: "unknown_action" }
  | { kind: "unknown_option"; option: string }
  | { kind: "missing"; option: string }
  | { kind: "out_of_range"; option: string; min: number; max: number }
  | { kind: "not_whole"; option: string; value: number }
  | { kind: "invalid"; option: string };

/**
 * Checks a draft against its action's spec as Discord checks a typed `/maxis` command: known options
 * only, right types, required ones present, integers whole and within their range, strings within
 * their length and free of control characters. Numbers written as digit strings (as models often do)
 * are read.
 */
export function checkDraft(specs: readonly ActionSpec[], draft: ActionDraft): Result<Proposal, DraftProblem> {
  const spec = specs.find((s) => s.name === draft.action);
  if (!spec) return err({ kind: "unknown_action" });
  const options: Record<string, OptionValue> = {};
  for (const [name, raw] of Object.entries(draft.options)) {
    const option = spec.options.find((o) => o.name === name);
    if (!option) return err({ kind: "unknown_option", option: name });
    if (raw === null || raw === undefined || raw === "") continue;
    if (option.type === "integer") {
      const value = typeof raw === "string" && /^-?\d{1,9}(\.\d{1,9})?$/.test(raw.trim()) ? Number(raw) : raw;
      if (typeof value !== "number" || !Number.isFinite(value)) return err({ kind: "invalid", option: name });
      // `12.5 %`: asked about, never rounded into another number.
      if (!Number.isInteger(value)) return err({ kind: "not_whole", option: name, value });
      if (
        (option.min !== undefined && value < option.min) ||
        (option.max !== undefined && value > option.max)
      ) {
        return err({
          kind: "out_of_range",
          option: name,
          min: option.min ?? value,
          max: option.max ?? value,
        });
      }
      options[name] = value;
    } else {
      if (typeof raw !== "string") return err({ kind: "invalid", option: name });
      const value = raw.trim();
      if (!isSafeText(value) || (option.maxLength !== undefined && value.length > option.maxLength)) {
        return err({ kind: "invalid", option: name });
      }
      if (value) options[name] = value;
    }
  }
  const missing = spec.options.find((o) => o.required && options[o.name] === undefined);
  if (missing) return err({ kind: "missing", option: missing.name });
  return ok({ action: spec.name, options });
}

/** The interaction data a typed `/maxis` command with these options would carry. */
export function asCommandData(proposal: Proposal): APIChatInputApplicationCommandInteractionData {
  return {
    id: "0",
    name: "maxis",
    type: 1,
    options: [
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: proposal.action,
        options: Object.entries(proposal.options).map(([name, value]) =>
          typeof value === "number"
            ? { type: ApplicationCommandOptionType.Integer, name, value }
            : { type: ApplicationCommandOptionType.String, name, value },
        ),
      },
    ],
  };
}

/** How the line names actions and options: as declared (audit), or as the operator's Discord shows them. */
export interface CommandNames {
  action(name: string): string;
  option(name: string): string;
}
const declaredNames: CommandNames = { action: (name) => name, option: (name) => name };

/** The `/maxis …` line an operator could have typed for the same result. */
export function commandLine(
  specs: readonly ActionSpec[],
  proposal: Proposal,
  names: CommandNames = declaredNames,
): string {
  const order = specs.find((s) => s.name === proposal.action)?.options.map((o) => o.name) ?? [];
  const parts = order
    .filter((name) => proposal.options[name] !== undefined)
    .map((name) => `${names.option(name)}:${proposal.options[name]}`);
  return [`/maxis ${names.action(proposal.action)}`, ...parts].join(" ");
}

/** A tool as Workers AI's function calling takes it, generated from a spec. */
export interface ToolSchema {
  type: "function";
  function: {
    name: string;
    description: string;
    parameters: {
      type: "object";
      properties: Record<string, Record<string, unknown>>;
      required: string[];
      additionalProperties: false;
    };
  };
}

/** One tool per action; `target` lists the configured bots, `operation` the execute allow-list. */
export function toolSchemas(
  specs: readonly ActionSpec[],
  extra: { targets: readonly string[]; operations: readonly string[] },
): ToolSchema[] {
  return specs.map((spec) => ({
    type: "function",
    function: {
      name: spec.name,
      description: `${spec.description}${isReadOnly(spec.name) ? "" : ` ${en["ask.tool.needs_confirmation"]}`}`,
      parameters: {
        type: "object",
        properties: Object.fromEntries(
          spec.options.map((o) => {
            const schema: Record<string, unknown> = { type: o.type, description: o.description };
            if (o.min !== undefined) schema["minimum"] = o.min;
            if (o.max !== undefined) schema["maximum"] = o.max;
            if (o.maxLength !== undefined) schema["maxLength"] = o.maxLength;
            if (o.name === "target") schema["enum"] = [...extra.targets];
            if (o.name === "operation")
              schema["description"] = `${o.description}: ${extra.operations.join(" | ")}`;
            return [o.name, schema];
          }),
        ),
        required: spec.options.filter((o) => o.required).map((o) => o.name),
        additionalProperties: false,
      },
    },
  }));
}
