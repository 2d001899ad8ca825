/**
 * Runs one RPC the way PostgREST does: one transaction (read-only for STABLE/IMMUTABLE functions),
 * the JWT's role and claims set locally, arguments cast to the declared parameter types, the result
 * serialised to JSON by PostgreSQL itself, and `response.status` / `response.headers` honoured.
 */
import pg from "pg";
import { ApiError, fromDatabaseError, pgrstError } from "./errors";
import type { Identity } from "./jwt";
import { type Routine, takesWholeBody } from "./routines";

export interface CallRequest {
  routine: Routine;
  /** The request body exactly as received: PostgreSQL parses it, so large numbers keep their precision. */
  rawBody: string;
  /** Named arguments present in the body. */
  argNames: readonly string[];
  identity: Identity;
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
}

const ident = (name: string) => pg.escapeIdentifier(name);

/** The SELECT that calls the routine; `$1` (when used) is the JSON body. */
function callSql(request: CallRequest): { sql: string; usesBody: boolean } {
  const { routine, argNames, stripNulls } = request;
  const fn = `${ident(routine.schema)}.${ident(routine.name)}`;
  const types = new Map(routine.params.map((param) => [param.name, param]));
  let call: string;
  let from: string | null = null;
  if (takesWholeBody(routine)) {
    call = `${fn}($1::${routine.params[0]?.type ?? "json"})`;
  } else if (argNames.length) {
    // PostgreSQL casts each JSON value to the declared type, as PostgREST's json_to_record does.
    const columns = argNames.map((name) => `${ident(name)} ${types.get(name)?.type ?? "text"}`);
    const args = argNames.map(
      (name) => `${types.get(name)?.variadic ? "variadic " : ""}${ident(name)} := pgrst_args.${ident(name)}`,
    );
    call = `${fn}(${args.join(", ")})`;
    from = `json_to_record($1::json) as pgrst_args(${columns.join(", ")})`;
  } else {
    call = `${fn}()`;
  }
  const usesBody = call.includes("$1") || from !== null;
  const fromArgs = from ? ` from ${from}` : "";
  const lateral = (source: string) => ` from ${from ? `${from}, lateral ` : ""}${source}`;
  const strip = (json: string) => (stripNulls ? `json_strip_nulls(${json})` : json);

  switch (routine.returns) {
    case "void":
      return { sql: `select ${call}${fromArgs}`, usesBody };
    case "scalar":
      return { sql: `select to_json(${call})::text as body${fromArgs}`, usesBody };
    case "composite":
      return {
        sql: `select ${strip("to_json(pgrst_call)")}::text as body${lateral(`${call} as pgrst_call`)}`,
        usesBody,
      };
    case "setof-scalar":
    case "setof-composite": {
      const scalar = routine.returns === "setof-scalar";
      const item = scalar ? "pgrst_call.pgrst_scalar" : "pgrst_call";
      const source = scalar ? `${call} as pgrst_call(pgrst_scalar)` : `${call} as pgrst_call`;
      const rows = strip(`coalesce(json_agg(${item}), '[]')`);
      return {
        sql: `select ${rows}::text as body, (${rows} -> 0)::text as first, count(*)::int as n${lateral(source)}`,
        usesBody,
      };
    }
  }
}

/** Settings stored with ALTER ROLE ... SET (e.g. statement_timeout), applied to the impersonated role. */
const ROLE_SETTINGS_SQL = `
  select set_config(split_part(setting, '=', 1), substr(setting, strpos(setting, '=') + 1), true)
    from pg_db_role_setting s, unnest(s.setconfig) as setting
   where s.setrole = (select oid from pg_roles where rolname = $1)
     and s.setdatabase in (0, (select oid from pg_database where datname = current_database()))
   order by s.setdatabase`;

const REQUEST_SETTINGS_SQL = `
  select set_config('search_path', $1, true),
         set_config('request.jwt.claims', $2, true),
         set_config('request.method', $3, true),
         set_config('request.path', $4, true),
         set_config('request.headers', $5, true),
         set_config('request.cookies', $6, true)`;

/** `response.status` / `response.headers`, which a function may set to shape the HTTP answer. */
async function responseSettings(client: pg.ClientBase) {
  const { rows } = await client.query<{ status: string | null; headers: string | null }>(
    `select current_setting('response.status', true) as status, current_setting('response.headers', true) as headers`,
  );
  const status = rows[0]?.status || null;
  const headersText = rows[0]?.headers || null;
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

/**
 * Runs the call on `client` (a connection of the authenticator role). Throws ApiError for every
 * PostgREST-level outcome; any other error means the connection itself is unusable.
 */
export async function callRoutine(client: pg.ClientBase, request: CallRequest): Promise<CallResult> {
  const { identity } = request;
  const { sql, usesBody } = callSql(request);
  await client.query(
    `begin isolation level read committed ${request.routine.readOnly ? "read only" : "read write"}`,
  );
  try {
    await client.query(ROLE_SETTINGS_SQL, [identity.role]);
    await client.query(`set local role ${ident(identity.role)}`);
    await client.query(REQUEST_SETTINGS_SQL, [
      request.searchPath,
      JSON.stringify(identity.claims),
      request.method,
      request.path,
      JSON.stringify(request.headers),
      JSON.stringify(request.cookies),
    ]);
    const { rows } = await client.query<ResultRow>(sql, usesBody ? [request.rawBody] : []);
    const gucs = await responseSettings(client);
    const result = shapeResult(request, rows[0]);
    await client.query("commit");
    return {
      status: gucs.statusCode ?? result.status,
      body: result.body,
      headers: { ...result.headers, ...gucs.headers },
    };
  } catch (error) {
    // Throws only when the connection is gone; the caller then discards it.
    await client.query("rollback");
    throw error instanceof ApiError ? error : fromDatabaseError(error, request.authed);
  }
}
