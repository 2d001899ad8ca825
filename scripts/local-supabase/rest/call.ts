/**
 * Runs one RPC the way PostgREST does: one transaction (read-only for STABLE/IMMUTABLE functions),
 * the JWT's role and claims set locally, arguments cast to the declared parameter types, the result
 * serialised to JSON by PostgreSQL itself, and `response.status` / `response.headers` (read by the
 * same statement as the call) honoured.
 *
 * The whole transaction is one batch of statements sent at once (the simple query protocol, values
 * as quoted literals): one round trip to PostgreSQL per call, where sending begin, the role settings,
 * the role, the claims, the call, the response settings and commit one by one took seven, each
 * waiting for the server and then for this process's turn (bench/load/rest-alone.ts). The role's
 * settings are read from the catalog once per role, not in every batch (role-settings.ts).
 */
import pg from "pg";
import { ApiError, fromDatabaseError, pgrstError } from "./errors";
import type { Identity } from "./jwt";
import type { RoleSettings } from "./role-settings";
import { type Routine, takesWholeBody } from "./routines";
import { sqlLiteral } from "./sql-literal";

export interface CallRequest {
  routine: Routine;
  /** The request body exactly as received: PostgreSQL parses it, so large numbers keep their precision. */
  rawBody: string;
  /** Named arguments present in the body. */
  argNames: readonly string[];
  identity: Identity;
  /** The role's `ALTER ROLE ... SET` settings (role-settings.ts), set with the request's own. */
  roleSettings: RoleSettings;
  /** The role differs from the anonymous one: a permission error is then 403, not 401. */
  authed: boolean;
  method: string;
  /** The path as PostgREST sees it, behind the gateway: `/rpc/<name>`. */
  path: string;
  headers: Record<string, string>;
  cookies: Record<string, string>;
  searchPath: string;
  /** `Accept: application/vnd.pgrst.object+json`: exactly one row, answered as an object. */
  singular: boolean;
  /** `nulls=stripped` media type parameter. */
  stripNulls: boolean;
  /** `Prefer: count=...`: the total goes in Content-Range. */
  countTotal: boolean;
}

export interface CallResult {
  status: number;
  body: string | null;
  headers: Record<string, string>;
}

interface ResultRow {
  body?: string | null;
  first?: string | null;
  n?: number;
  response_status?: string | null;
  response_headers?: string | null;
}

const ident = (name: string) => pg.escapeIdentifier(name);

/** What a function set to shape the answer, read after the call by the statement that made it. */
const RESPONSE_SETTINGS = `current_setting('response.status', true) as response_status,
         current_setting('response.headers', true) as response_headers`;

/** The SELECT that calls the routine, with the JSON body as a literal. */
function callSql(request: CallRequest): string {
  const { routine, argNames, stripNulls } = request;
  const fn = `${ident(routine.schema)}.${ident(routine.name)}`;
  const types = new Map(routine.params.map((param) => [param.name, param]));
  const body = sqlLiteral(request.rawBody);
  let call: string;
  let from: string | null = null;
  if (takesWholeBody(routine)) {
    call = `${fn}(${body}::${routine.params[0]?.type ?? "json"})`;
  } else if (argNames.length) {
    // PostgreSQL casts each JSON value to the declared type, as PostgREST's json_to_record does.
    const columns = argNames.map((name) => `${ident(name)} ${types.get(name)?.type ?? "text"}`);
    const args = argNames.map(
      (name) => `${types.get(name)?.variadic ? "variadic " : ""}${ident(name)} := pgrst_args.${ident(name)}`,
    );
    call = `${fn}(${args.join(", ")})`;
    from = `json_to_record(${body}::json) as pgrst_args(${columns.join(", ")})`;
  } else {
    call = `${fn}()`;
  }
  const fromArgs = from ? ` from ${from}` : "";
  const lateral = (source: string) => ` from ${from ? `${from}, lateral ` : ""}${source}`;
  const strip = (json: string) => (stripNulls ? `json_strip_nulls(${json})` : json);

  // Where the call sits in the select list, the response settings come after it: PostgreSQL
  // evaluates a select list from left to right.
  switch (routine.returns) {
    case "void":
      return `select ${call}, ${RESPONSE_SETTINGS}${fromArgs}`;
    case "scalar":
      return `select to_json(${call})::text as body, ${RESPONSE_SETTINGS}${fromArgs}`;
    case "composite":
      return `select ${strip("to_json(pgrst_call)")}::text as body, ${RESPONSE_SETTINGS}${lateral(`${call} as pgrst_call`)}`;
    case "setof-scalar":
    case "setof-composite": {
      const scalar = routine.returns === "setof-scalar";
      const item = scalar ? "pgrst_call.pgrst_scalar" : "pgrst_call";
      const source = scalar ? `${call} as pgrst_call(pgrst_scalar)` : `${call} as pgrst_call`;
      const rows = strip(`coalesce(json_agg(${item}), '[]')`);
      // Only a single object reads the first row: `-> 0` parses the whole array again.
      const first = request.singular ? `(${rows} -> 0)::text as first, ` : "";
      return `select ${rows}::text as body, ${first}count(*)::int as n, ${RESPONSE_SETTINGS}${lateral(source)}`;
    }
  }
}

/**
 * The role a call runs as is only switched to when the routine it was planned from is still the one in
 * pg_proc (see routines.ts): otherwise the role is set to this name, which no role has, and the batch
 * stops before the call with an error the caller recognises, re-reads the routine and retries.
 */
const STALE_ROUTINE_ROLE = "pgrst_local: the routine changed since it was read";

/** The role, its settings and the request's context, in one statement, as PostgREST sets them. */
function requestSettingsSql(request: CallRequest): string {
  const lit = sqlLiteral;
  const role = lit(request.identity.role);
  const roleSettings = request.roleSettings.map(
    ([name, value]) => `,
         set_config(${lit(name)}, ${lit(value)}, true)`,
  );
  return `
  select set_config('role', case when ${request.routine.freshness} then ${role} else ${lit(STALE_ROUTINE_ROLE)} end, true),
         set_config('search_path', ${lit(request.searchPath)}, true),
         set_config('request.jwt.claims', ${lit(JSON.stringify(request.identity.claims))}, true),
         set_config('request.method', ${lit(request.method)}, true),
         set_config('request.path', ${lit(request.path)}, true),
         set_config('request.headers', ${lit(JSON.stringify(request.headers))}, true),
         set_config('request.cookies', ${lit(JSON.stringify(request.cookies))}, true)${roleSettings.join("")}`;
}

/** Whether the batch stopped because the routine changed under the cached description of it. */
export function isStaleRoutine(error: unknown): boolean {
  return error instanceof pg.DatabaseError && error.message.includes(STALE_ROUTINE_ROLE);
}

/** The routine changed (or was dropped) since it was read: read it again and retry. */
export class StaleRoutineError extends Error {}

/** `response.status` / `response.headers`, which a function may set to shape the HTTP answer. */
function responseSettings(row: ResultRow | undefined) {
  const status = row?.response_status || null;
  const headersText = row?.response_headers || null;
  let statusCode: number | null = null;
  if (status !== null) {
    statusCode = Number(status);
    if (!Number.isInteger(statusCode) || statusCode < 100 || statusCode > 599) {
      throw pgrstError(500, "PGRST112", "response.status guc must be a valid status code");
    }
  }
  const headers: Record<string, string> = {};
  if (headersText !== null) {
    const invalid = pgrstError(
      500,
      "PGRST111",
      "response.headers guc must be a JSON array composed of objects with a single key and a string value",
    );
    let parsed: unknown;
    try {
      parsed = JSON.parse(headersText);
    } catch {
      throw invalid;
    }
    if (!Array.isArray(parsed)) throw invalid;
    for (const item of parsed) {
      const entries = typeof item === "object" && item !== null ? Object.entries(item) : [];
      const [entry, ...more] = entries;
      if (!entry || more.length || typeof entry[1] !== "string") throw invalid;
      headers[entry[0]] = entry[1];
    }
  }
  return { statusCode, headers };
}

function shapeResult(request: CallRequest, row: ResultRow | undefined): CallResult {
  const json = { "Content-Type": "application/json; charset=utf-8" };
  switch (request.routine.returns) {
    case "void":
      return { status: 204, body: null, headers: {} };
    case "scalar":
    case "composite":
      return { status: 200, body: row?.body ?? "null", headers: json };
    default: {
      const n = row?.n ?? 0;
      const total = request.countTotal ? String(n) : "*";
      const range = { "Content-Range": n ? `0-${n - 1}/${total}` : `*/${total}` };
      if (!request.singular) return { status: 200, body: row?.body ?? "[]", headers: { ...json, ...range } };
      if (n !== 1) {
        throw pgrstError(406, "PGRST116", "Cannot coerce the result to a single JSON object", {
          details: `The result contains ${n} rows`,
        });
      }
      return {
        status: 200,
        body: row?.first ?? "null",
        headers: { "Content-Type": "application/vnd.pgrst.object+json; charset=utf-8", ...range },
      };
    }
  }
}

/** The rows of each statement of a batch (pg answers one result per statement). */
function resultsOf(result: pg.QueryResult | pg.QueryResult[]): pg.QueryResult[] {
  return Array.isArray(result) ? result : [result];
}

/**
 * Runs the call on `client` (a connection of the authenticator role). Throws ApiError for every
 * PostgREST-level outcome, StaleRoutineError when the routine changed since it was read (nothing
 * ran); any other error means the connection itself is unusable.
 */
export async function callRoutine(client: pg.ClientBase, request: CallRequest): Promise<CallResult> {
  // A single object is checked before committing, as PostgREST does, so that a call answering more
  // rows writes nothing: only then is commit a second round trip.
  const commitInBatch = !request.singular;
  const batch = [
    `begin isolation level read committed ${request.routine.readOnly ? "read only" : "read write"}`,
    requestSettingsSql(request),
    callSql(request),
    ...(commitInBatch ? ["commit"] : []),
  ];
  try {
    const results = resultsOf(await client.query<ResultRow>(batch.join(";\n")));
    const row = results[2]?.rows[0] as ResultRow | undefined;
    const gucs = responseSettings(row);
    const result = shapeResult(request, row);
    if (!commitInBatch) await client.query("commit");
    return {
      status: gucs.statusCode ?? result.status,
      body: result.body,
      headers: { ...result.headers, ...gucs.headers },
    };
  } catch (error) {
    // Throws only when the connection is gone; the caller then discards it. After a committed
    // batch there is no transaction left and PostgreSQL only warns.
    await client.query("rollback");
    if (isStaleRoutine(error)) throw new StaleRoutineError(request.routine.name);
    throw error instanceof ApiError ? error : fromDatabaseError(error, request.authed);
  }
}
