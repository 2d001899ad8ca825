/**
 * A verified control call's JSON body, checked before anything runs or is stored: an object naming
 * the operator, and nothing Postgres cannot hold or an operator should not send (NUL and other
 * control characters, lone surrogates). Pure. The body is signed, but still never trusted.
 */
import type { ControlOperator } from "../../shared/control/protocol";
import { findUnsafeText, isSafeText } from "../../shared/control/text";
import { err, ok, type Result } from "../../shared/result";
import type { Body } from "./context";

const SNOWFLAKE = /^\d{5,20}$/;
const MAX_OPERATOR_NAME = 100;

export interface ControlBody {
  body: Body;
  operator: ControlOperator;
  locale: "en" | "fr";
  /** What the audit row keeps: the body without the operator and locale. */
  args: Record<string, unknown>;
}

/** What is wrong with a body Maxis cannot use (each has its words in the catalogue, `control.body.*`). */
export type BodyProblem = "not_json" | "not_object" | "operator_id" | "operator_name";

export type BodyRefusal = (
  | { code: "invalid_body"; detail: BodyProblem }
  /** Where: Maxis's words, never the request's. */
  | { code: "invalid_characters"; detail: string }
) & {
  /** Whatever of the operator is well-formed, for the audit row. */
  operatorId: string | null;
  operatorName: string | null;
  locale: "en" | "fr";
};

export type ReadBody = Result<ControlBody, BodyRefusal>;

function operatorParts(value: unknown): { id: string | null; name: string | null } {
  const id = typeof value === "object" && value !== null ? Reflect.get(value, "id") : undefined;
  const name = typeof value === "object" && value !== null ? Reflect.get(value, "name") : undefined;
  return {
    id: typeof id === "string" && SNOWFLAKE.test(id) ? id : null,
    name:
      typeof name === "string" && name.length <= MAX_OPERATOR_NAME && isSafeText(name) && name.trim() !== ""
        ? name
        : null,
  };
}

/** Only a path Maxis built from the body's own keys is named back, and only if it is plain. */
const namedField = (path: string) => (/^[A-Za-z0-9_.[\]]{1,64}$/.test(path) ? path : "(body)");

/**
 * `locale`: the caller's language (Accept-Language), for a body that names none of its own; the
 * body's `locale` wins, as it is the operator's.
 */
export function readControlBody(raw: string, callerLocale: "en" | "fr" = "en"): ReadBody {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return err({
      code: "invalid_body",
      detail: "not_json",
      operatorId: null,
      operatorName: null,
      locale: callerLocale,
    });
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    return err({
      code: "invalid_body",
      detail: "not_object",
      operatorId: null,
      operatorName: null,
      locale: callerLocale,
    });
  }
  const body = parsed as Body;
  const locale = body["locale"] === "fr" || body["locale"] === "en" ? body["locale"] : callerLocale;
  const operator = operatorParts(body["operator"]);
  const who = { operatorId: operator.id, operatorName: operator.name, locale };
  const unsafe = findUnsafeText(body);
  if (unsafe !== null) return err({ code: "invalid_characters", detail: namedField(unsafe), ...who });
  if (operator.id === null) return err({ code: "invalid_body", detail: "operator_id", ...who });
  if (operator.name === null) return err({ code: "invalid_body", detail: "operator_name", ...who });
  const { operator: _operator, locale: _locale, ...args } = body;
  return ok({ body, operator: { id: operator.id, name: operator.name }, locale, args });
}
