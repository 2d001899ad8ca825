import type { ControlAction, ControlOperator, ControlResults } from "../../shared/control/protocol";
import type { Locale, Translator } from "../../shared/i18n";
import { type Err, err, type Result } from "../../shared/result";

/** One verified control call, as each action sees it. */
export interface ControlContext {
  readonly env: MaxisEnv;
  /** The key that signed the call: the Postgres system identity is `control:<keyId>`. */
  readonly keyId: string;
  readonly operator: ControlOperator;
  readonly locale: Locale;
  readonly t: Translator;
  waitUntil(promise: Promise<unknown>): void;
}

/** An action's answer: its result, or why it did not run (`rejected`: nothing changed). */
export type ActionOutcome<A extends ControlAction> = Result<ControlResults[A], ActionFailure>;

export interface ActionFailure {
  status: 400 | 404 | 405 | 422 | 500 | 503;
  outcome: "rejected" | "failed";
  code: string;
  message: string;
}

/** Nothing ran and nothing changed, because of what was asked. */
export const rejection = (
  code: string,
  message: string,
  status: 400 | 404 | 405 | 422 | 503 = 422,
): ActionFailure => ({ status, outcome: "rejected", code, message });

export const rejected = (
  code: string,
  message: string,
  status: 400 | 404 | 405 | 422 | 503 = 422,
): Err<ActionFailure> => err(rejection(code, message, status));

export const failed = (code: string, message: string): Err<ActionFailure> =>
  err({ status: 500, outcome: "failed", code, message });

/** The fields an action reads from the body, checked: the body is signed, but still never trusted. */
export type Body = Readonly<Record<string, unknown>>;

export function stringField(body: Body, name: string, max: number): string | null {
  const value = body[name];
  return typeof value === "string" && value.trim().length > 0 && value.length <= max ? value.trim() : null;
}

export function integerField(body: Body, name: string): number | null {
  const value = body[name];
  return typeof value === "number" && Number.isSafeInteger(value) ? value : null;
}
