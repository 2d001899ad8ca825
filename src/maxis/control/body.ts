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

export interface BodyRefusal {
  code: "invalid_body" | "invalid_characters";
  /** For invalid_body, what is wrong; for invalid_characters, where. Maxis's words, not the request's. */
  detail: string;
  /** Whatever of the operator is well-formed, for the audit row. */
  operatorId: string | null;
  operatorName: string | null;
  locale: "en" | "fr";
}

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

export function readControlBody(raw: string): ReadBody {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return err({
      code: "invalid_body",
      detail: "the body is not JSON",
      operatorId: null,
      operatorName: null,
      locale: "en",
    });
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    return err({
      code: "invalid_body",
      detail: "the body is not an object",
      operatorId: null,
      operatorName: null,
      locale: "en",
    });
  }
  const body = parsed as Body;
  const locale = body["locale"] === "fr" ? "fr" : "en";
  const operator = operatorParts(body["operator"]);
  const refuse = (code: BodyRefusal["code"], detail: string): ReadBody =>
    err({ code, detail, operatorId: operator.id, operatorName: operator.name, locale });
  const unsafe = findUnsafeText(body);
  if (unsafe !== null) return refuse("invalid_characters", namedField(unsafe));
  if (operator.id === null) return refuse("invalid_body", "operator.id is not a Discord id");
  if (operator.name === null) return refuse("invalid_body", "operator.name is missing");
  const { operator: _operator, locale: _locale, ...args } = body;
  return ok({ body, operator: { id: operator.id, name: operator.name }, locale, args });
}
