/**
 * The allow-list of `/maxis execute` operations: names and argument shapes, never code. Shellia offers
 * the names as autocomplete; Maxis parses and runs them, and answers an unknown name with this list.
 */
import type { Translator } from "../i18n";
import { err, ok, type Result } from "../result";

/** The operations, one kind each with its own arguments (not a result). */
export type ExecuteOperation =
  | { name: "sync-commands" }
  | { name: "maintenance"; on: boolean }
  | { name: "close-stale-tickets"; days: number }
  | { name: "end-giveaway"; id: string }
  | { name: "reroll"; id: string; winners: number | null };

export type ExecuteOperationName = ExecuteOperation["name"];

/**
 * The operations, in the order operators see them. Their usage lines and descriptions are in the
 * catalogue (`control.operation.<name>.usage|description`): read them with `operationUsage` and
 * `operationHelp`, in the reader's language.
 */
export const EXECUTE_OPERATIONS: readonly { name: ExecuteOperationName }[] = [
  { name: "sync-commands" },
  { name: "maintenance" },
  { name: "close-stale-tickets" },
  { name: "end-giveaway" },
  { name: "reroll" },
];

/** `close-stale-tickets DAYS (1–365)`, or in French `close-stale-tickets JOURS (1–365)`. */
export const operationUsage = (t: Translator, name: ExecuteOperationName): string =>
  t(`control.operation.${name}.usage`);

export const operationDescription = (t: Translator, name: ExecuteOperationName): string =>
  t(`control.operation.${name}.description`);

/** The allow-list as a help text: one `• usage: description` line per operation. */
export function operationHelp(t: Translator): string {
  return EXECUTE_OPERATIONS.map(({ name }) =>
    t("control.operation.line", {
      usage: operationUsage(t, name),
      description: operationDescription(t, name),
    }),
  ).join("\n");
}

/** Why a line is no operation: a name off the list, or arguments that do not fit its usage line. */
export type OperationRefusal =
  | { code: "unknown_operation" }
  | { code: "invalid_arguments"; operation: ExecuteOperationName };

export type ParsedOperation = Result<ExecuteOperation, OperationRefusal>;

const GIVEAWAY_ID = /^[A-Za-z0-9_-]{1,64}$/;
const INTEGER = /^\d{1,4}$/;

/** Splits what an operator typed (`close-stale-tickets 30`) into a name and its arguments. */
export function splitOperationLine(line: string): { name: string; args: string[] } {
  const [name = "", ...args] = line.trim().split(/\s+/);
  return { name: name.toLowerCase(), args };
}

export function parseExecuteOperation(name: string, args: readonly string[]): ParsedOperation {
  const spec = EXECUTE_OPERATIONS.find((operation) => operation.name === name);
  if (!spec) return err({ code: "unknown_operation" });
  const invalid = err({ code: "invalid_arguments", operation: spec.name } as const);
  const [first, second, ...rest] = args;
  switch (spec.name) {
    case "sync-commands":
      return args.length === 0 ? ok({ name: "sync-commands" }) : invalid;
    case "maintenance": {
      const mode = first?.toLowerCase();
      if (args.length !== 1 || (mode !== "on" && mode !== "off")) return invalid;
      return ok({ name: "maintenance", on: mode === "on" });
    }
    case "close-stale-tickets": {
      if (args.length !== 1 || !first || !INTEGER.test(first)) return invalid;
      const days = Number(first);
      return days >= 1 && days <= 365 ? ok({ name: "close-stale-tickets", days }) : invalid;
    }
    case "end-giveaway":
      return args.length === 1 && first && GIVEAWAY_ID.test(first)
        ? ok({ name: "end-giveaway", id: first })
        : invalid;
    case "reroll": {
      if (!first || !GIVEAWAY_ID.test(first) || rest.length > 0) return invalid;
      if (second === undefined) return ok({ name: "reroll", id: first, winners: null });
      if (!INTEGER.test(second)) return invalid;
      const winners = Number(second);
      return winners >= 1 && winners <= 20 ? ok({ name: "reroll", id: first, winners }) : invalid;
    }
  }
}
