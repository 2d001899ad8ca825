/**
 * PostgREST's error responses: the `{code, details, hint, message}` body, and the HTTP status it
 * derives from a PostgreSQL SQLSTATE (https://docs.postgrest.org/en/latest/references/errors.html).
 */
import pg from "pg";

export interface ErrorBody {
  code: string;
  details: string | null;
  hint: string | null;
  message: string;
}

/** An answer that ends the request: thrown anywhere below the route, rendered by the app. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorBody | { message: string; hint?: string },
    readonly headers: Record<string, string> = {},
  ) {
    super(body.message);
  }
}

export function pgrstError(
  status: number,
  code: string,
  message: string,
  extra: { details?: string | null; hint?: string | null; headers?: Record<string, string> } = {},
): ApiError {
  return new ApiError(
    status,
    { code, details: extra.details ?? null, hint: extra.hint ?? null, message },
    extra.headers ?? {},
  );
}

/** PostgREST's SQLSTATE table; `authed` is whether the request's role differs from the anonymous one. */
export function statusForSqlState(code: string, message: string, authed: boolean): number {
  const exact: Record<string, number> = {
    "23503": 409,
    "23505": 409,
    "25006": 405,
    "42883": 404,
    "42P01": 404,
    "42P17": 500,
    "53400": 500,
    "57P01": 503,
    P0001: 400,
  };
  const known = exact[code];
  if (known) return known;
  if (code === "42501") return authed ? 403 : 401;
  // A `role` claim naming a role that does not exist is an authentication problem.
  if (code === "22023") return /^role .* does not exist$/.test(message) ? 401 : 400;
  if (code === "21000") return message.endsWith("requires a WHERE clause") ? 400 : 500;
  if (code.startsWith("PT")) return /^PT[1-5]\d\d$/.test(code) ? Number(code.slice(2)) : 500;
  const byClass: Record<string, number> = {
    "08": 503,
    "09": 500,
    "0L": 403,
    "0P": 403,
    "25": 500,
    "28": 403,
    "2D": 500,
    "38": 500,
    "39": 500,
    "3B": 500,
    "40": 500,
    "53": 503,
    "54": 500,
    "55": 500,
    "57": 500,
    "58": 500,
    F0: 500,
    HV: 500,
    P0: 500,
    XX: 500,
  };
  return byClass[code.slice(0, 2)] ?? 400;
}

interface RaisedMessage {
  code: string;
  message: string;
  details?: string;
  hint?: string;
}
interface RaisedDetail {
  status: number;
  headers: Record<string, string>;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

function parseJson(text: string | undefined): unknown {
  try {
    return text === undefined ? undefined : JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * `RAISE SQLSTATE 'PGRST' USING message = '{"code":..,"message":..}', detail = '{"status":..,"headers":{..}}'`
 * gives a function full control of the error response.
 */
function raisedByPgrst(error: pg.DatabaseError): ApiError {
  const message = parseJson(error.message);
  const detail = parseJson(error.detail);
  const hint =
    "DETAIL must be a JSON object with obligatory keys: 'status', 'headers' and optional key: 'status_text'.";
  const parseError = (details: string, errorHint: string) =>
    pgrstError(500, "PGRST121", `Could not parse JSON in the "RAISE SQLSTATE 'PGRST'" error`, {
      details,
      hint: errorHint,
    });
  if (!isRecord(message) || typeof message["code"] !== "string" || typeof message["message"] !== "string") {
    return parseError(
      `Invalid JSON value for MESSAGE: '${error.message}'`,
      "MESSAGE must be a JSON object with obligatory keys: 'code', 'message' and optional keys: 'details', 'hint'.",
    );
  }
  if (error.detail === undefined) return parseError("DETAIL is missing in the RAISE statement", hint);
  if (!isRecord(detail) || typeof detail["status"] !== "number" || !isRecord(detail["headers"])) {
    return parseError(`Invalid JSON value for DETAIL: '${error.detail}'`, hint);
  }
  const raised = message as unknown as RaisedMessage;
  const { status, headers } = detail as unknown as RaisedDetail;
  return new ApiError(
    status,
    {
      code: raised.code,
      details: raised.details ?? null,
      hint: raised.hint ?? null,
      message: raised.message,
    },
    Object.fromEntries(Object.entries(headers).map(([key, value]) => [key, String(value)])),
  );
}

/** Turns whatever a database call threw into PostgREST's answer for it. */
export function fromDatabaseError(error: unknown, authed: boolean): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof pg.DatabaseError && error.code) {
    if (error.code === "PGRST") return raisedByPgrst(error);
    const status = statusForSqlState(error.code, error.message, authed);
    return pgrstError(status, error.code, error.message, {
      details: error.detail ?? null,
      hint: error.hint ?? null,
      headers: status === 401 ? { "WWW-Authenticate": "Bearer" } : {},
    });
  }
  // No SQLSTATE: the connection itself failed.
  return pgrstError(503, "PGRST000", "Database connection error. Retrying the connection.", {
    details: error instanceof Error ? error.message : String(error),
  });
}
