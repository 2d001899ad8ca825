import type { MiddlewareHandler } from "hono";
import * as v from "valibot";
import { firstUnstorableCharacter } from "../../shared/discord/storable-text";
import type { MessageKey, Translator } from "../../shared/i18n";
import { err, ok, type Result } from "../../shared/result";
import { isTicketErrorCode } from "../tickets/rpc";
import type { ApiContext, ApiEnv } from "./context";
import { apiError, ticketError } from "./errors";

/** Largest JSON body any route needs (a 2000-character reply is ~8 KiB at worst). */
const MAX_BODY_BYTES = 32 * 1024;

/** A checked input, or the error answer to send as it is. */
export type Checked<T> = Result<T, Response>;

/** What a field should have been, in the reader's language, from the kind of check that failed. */
const EXPECTED: Partial<Record<string, MessageKey>> = {
  string: "api.expected.text",
  boolean: "api.expected.boolean",
  number: "api.expected.number",
};

/**
 * The first problem valibot found, as the reader should read it: which field is missing, unknown or
 * of the wrong kind. (valibot reports a missing key and an unknown one with the same issue type; the
 * expected value tells them apart: an unknown key was expected to be `never`.)
 */
export function describeIssue(t: Translator, issue: v.BaseIssue<unknown> | undefined): string {
  const field = issue ? v.getDotPath(issue) : null;
  if (!issue || field === null) return t("api.error.not_an_object");
  if (issue.type === "strict_object" || issue.type === "object") {
    if (issue.expected === "never") return t("api.error.unknown_field", { field });
    if (issue.received === "undefined") return t("api.error.missing_field", { field });
  }
  return t("api.error.invalid_field", { field, expected: t(EXPECTED[issue.type] ?? "api.expected.valid") });
}

/**
 * valibot's verdict as the API's error: a ticket error code when the schema names one (same code and
 * message as the database would give), otherwise `invalid_request` naming the field.
 */
export function check<S extends v.GenericSchema>(
  c: ApiContext,
  schema: S,
  input: unknown,
): Checked<v.InferOutput<S>> {
  // Postgres refuses U+0000 and lone surrogates in text and jsonb: say so, in a body or a query, rather
  // than answer 500 when the database refuses it half-way through the route.
  const unstorable = firstUnstorableCharacter(input);
  if (unstorable) {
    const message = c.var.t("interaction.unstorable_character", { character: unstorable });
    return err(apiError(c, 400, "invalid_character", message));
  }
  const result = v.safeParse(schema, input);
  if (result.success) return ok(result.output);
  const [issue] = result.issues;
  if (issue && isTicketErrorCode(issue.message)) return err(ticketError(c, issue.message));
  return err(apiError(c, 400, "invalid_request", describeIssue(c.var.t, issue)));
}

/**
 * Writes take JSON only. Demanding `Content-Type: application/json` also means a cross-site form can
 * never post with the session cookie: browsers preflight such requests, and CORS admits only the
 * dashboard's origin.
 */
export const requireJson: MiddlewareHandler<ApiEnv> = async (c, next) => {
  if (c.req.method === "GET" || c.req.method === "HEAD" || c.req.method === "OPTIONS") return next();
  const type = c.req.header("Content-Type") ?? "";
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    return apiError(c, 415, "unsupported_media_type", c.var.t("api.error.unsupported_media_type"));
  }
  const length = Number(c.req.header("Content-Length") ?? 0);
  if (length > MAX_BODY_BYTES) {
    return apiError(c, 413, "body_too_large", c.var.t("api.error.body_too_large"));
  }
  return next();
};

/** The JSON body, checked against `schema`; an empty body is `{}` (POST …/close without a reason). */
export async function jsonBody<S extends v.GenericSchema>(
  c: ApiContext,
  schema: S,
): Promise<Checked<v.InferOutput<S>>> {
  const raw = await c.req.text();
  if (raw.length > MAX_BODY_BYTES) {
    return err(apiError(c, 413, "body_too_large", c.var.t("api.error.body_too_large")));
  }
  let parsed: unknown = {};
  if (raw.trim()) {
    try {
      parsed = JSON.parse(raw);
    } catch {
      return err(apiError(c, 400, "invalid_json", c.var.t("api.error.invalid_json")));
    }
  }
  // Every body is an object; valibot would take an array for one and name its indexes as fields.
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    return err(apiError(c, 400, "invalid_request", c.var.t("api.error.not_an_object")));
  }
  return check(c, schema, parsed);
}
