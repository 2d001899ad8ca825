/**
 * Which function a `POST /rpc/<name>` calls, chosen the way PostgREST chooses it from its schema
 * cache: the JSON keys must name every required parameter and only known ones; a function whose single
 * parameter is an unnamed json/jsonb receives the whole body when no named overload matches.
 * Like PostgREST's schema cache, what pg_proc says about a name is kept (RoutineCache); unlike it, no
 * reload is ever needed: every call checks, in the statement that switches to the caller's role, that
 * the function's pg_proc rows are still the ones read (their oids and xmins, which every CREATE OR
 * REPLACE, ALTER, GRANT and DROP changes), and re-reads them when not (call.ts). The check calls
 * `pgrst_local.routine_version` (bootstrap.sql, which writes the versions as PROCS_SQL does), whose
 * plan PostgreSQL keeps between calls. A name not found is looked up again before answering
 * PGRST202, so a function created a moment ago is found at once.
 */
import type pg from "pg";
import { pgrstError } from "./errors";
import { closest } from "./fuzzy";
import { sqlLiteral } from "./sql-literal";

export interface RoutineParam {
  /** "" for an unnamed parameter. */
  name: string;
  /** SQL type, as format_type() spells it (used for casts). */
  type: string;
  required: boolean;
  variadic: boolean;
}

export type ReturnShape = "void" | "scalar" | "composite" | "setof-scalar" | "setof-composite";

export interface Routine {
  schema: string;
  name: string;
  params: RoutineParam[];
  returns: ReturnShape;
  /** STABLE or IMMUTABLE: PostgREST runs these in a read-only transaction. */
  readOnly: boolean;
  /** SQL that is true while the name's pg_proc rows are still those this description was read from. */
  freshness: string;
}

interface ProcRow {
  name: string;
  volatility: string;
  returns_set: boolean;
  returns_void: boolean;
  returns_composite: boolean;
  arg_names: string[];
  arg_modes: string[];
  in_types: string[];
  defaults: number;
  /** `oid:xmin`: changes whenever the row is replaced, altered or granted on. */
  version: string;
}

const PROCS_SQL = `
  select p.proname as name,
         p.provolatile as volatility,
         p.proretset as returns_set,
         p.prorettype = 'void'::regtype as returns_void,
         (t.typtype = 'c' or p.prorettype = 'record'::regtype) as returns_composite,
         coalesce(p.proargnames::text[], '{}') as arg_names,
         coalesce(p.proargmodes::text[], '{}') as arg_modes,
         array(select format_type(a.oid, null) from unnest(p.proargtypes) with ordinality as a(oid, n) order by a.n)
           as in_types,
         p.pronargdefaults::int as defaults,
         p.oid::text || ':' || p.xmin::text as version
    from pg_proc p
    join pg_namespace n on n.oid = p.pronamespace
    join pg_type t on t.oid = p.prorettype
   where n.nspname = $1 and p.proname = $2 and p.prokind = 'f'
   order by p.oid`;

/** True while the functions named `name` in `schema` are exactly the rows `versions` were read from. */
export function freshnessSql(schema: string, name: string, versions: readonly string[]): string {
  const lit = sqlLiteral;
  return `pgrst_local.routine_version(${lit(schema)}, ${lit(name)}) = ${lit(versions.join(","))}`;
}

function toRoutine(schema: string, row: ProcRow, freshness: string): Routine {
  // proargnames/proargmodes cover OUT parameters too; proargtypes only the input ones.
  const isInput = (i: number) => ["i", "b", "v"].includes(row.arg_modes[i] ?? "i");
  const inputNames = row.arg_names.filter((_, i) => isInput(i));
  const inputModes = row.arg_modes.filter((_, i) => isInput(i));
  const firstOptional = row.in_types.length - row.defaults;
  const params = row.in_types.map((type, i) => ({
    name: inputNames[i] ?? "",
    type,
    required: i < firstOptional,
    variadic: inputModes[i] === "v",
  }));
  const shape = row.returns_void ? "void" : row.returns_composite ? "composite" : "scalar";
  return {
    schema,
    name: row.name,
    params,
    returns: row.returns_set && shape !== "void" ? `setof-${shape}` : shape,
    readOnly: row.volatility !== "v",
    freshness,
  };
}

/** The overloads of a function name, as pg_proc lists them. */
async function readRoutines(client: pg.ClientBase, schema: string, name: string): Promise<Routine[]> {
  const { rows } = await client.query<ProcRow>(PROCS_SQL, [schema, name]);
  const freshness = freshnessSql(
    schema,
    name,
    rows.map((row) => row.version),
  );
  return rows.map((row) => toRoutine(schema, row, freshness));
}

/** PostgREST's schema cache for functions, per name; see the top of this file for how it stays true. */
export class RoutineCache {
  private readonly byName = new Map<string, Routine[]>();

  /** Cached overloads, or null when the name was never read (or was forgotten). */
  cached(schema: string, name: string): Routine[] | null {
    return this.byName.get(`${schema}.${name}`) ?? null;
  }

  async read(client: pg.ClientBase, schema: string, name: string): Promise<Routine[]> {
    const routines = await readRoutines(client, schema, name);
    this.byName.set(`${schema}.${name}`, routines);
    return routines;
  }

  forget(schema: string, name: string): void {
    this.byName.delete(`${schema}.${name}`);
  }
}

export function takesWholeBody(routine: Routine): boolean {
  const [only, ...rest] = routine.params;
  return rest.length === 0 && only?.name === "" && (only.type === "json" || only.type === "jsonb");
}

function matchesKeys(routine: Routine, keys: readonly string[]): boolean {
  if (routine.params.some((param) => param.name === "")) return false;
  const names = new Set(routine.params.map((param) => param.name));
  return (
    keys.every((key) => names.has(key)) &&
    routine.params.every((param) => !param.required || keys.includes(param.name))
  );
}

const signature = (routine: Routine) =>
  `${routine.schema}.${routine.name}(${routine.params.map((p) => `${p.name} => ${p.type}`).join(", ")})`;

/** PostgREST's hint: a close parameter list of the same function, else a close function name. */
async function noRpcHint(
  client: pg.ClientBase,
  schema: string,
  name: string,
  keys: string[],
  overloads: Routine[],
) {
  const paramList = (names: string[]) => `(${[...names].sort().join(", ")})`;
  let suggestion: string | undefined;
  if (overloads.length) {
    const lists = overloads.map((routine) => paramList(routine.params.map((p) => p.name)));
    const list = closest(lists, paramList(keys), 0.33);
    suggestion = list && `${name}${list}`;
  } else {
    const { rows } = await client.query<{ name: string }>(
      `select distinct p.proname as name from pg_proc p join pg_namespace n on n.oid = p.pronamespace
        where n.nspname = $1 and p.prokind = 'f'`,
      [schema],
    );
    suggestion = closest(
      rows.map((row) => row.name).filter((candidate) => candidate !== name),
      name,
      0.75,
    );
  }
  return suggestion ? `Perhaps you meant to call the function ${schema}.${suggestion}` : null;
}

/**
 * The routine to call for this body among `overloads`, null when none matches, or PostgREST's
 * PGRST203 when several do. `body` is the parsed JSON payload; only a plain object carries named
 * arguments.
 */
export function chooseRoutine(overloads: readonly Routine[], body: unknown): Routine | null {
  const isObject = typeof body === "object" && body !== null && !Array.isArray(body);
  const keys = isObject ? Object.keys(body).sort() : [];
  const named = isObject ? overloads.filter((routine) => matchesKeys(routine, keys)) : [];
  const candidates = named.length ? named : overloads.filter(takesWholeBody);
  const [only, ...others] = candidates;
  if (!only) return null;
  if (others.length === 0) return only;
  throw pgrstError(
    300,
    "PGRST203",
    `Could not choose the best candidate function between: ${candidates.map(signature).join(", ")}`,
    {
      hint: "Try renaming the parameters or the function itself in the database so function overloading can be resolved",
    },
  );
}

/** PostgREST's PGRST202: no function of that name takes these arguments. */
export async function noRoutineError(
  client: pg.ClientBase,
  schema: string,
  name: string,
  body: unknown,
  overloads: readonly Routine[],
) {
  const isObject = typeof body === "object" && body !== null && !Array.isArray(body);
  const keys = isObject ? Object.keys(body).sort() : [];
  const qualified = `${schema}.${name}`;
  const withParams = keys.length
    ? {
        message: `(${keys.join(", ")})`,
        details: ` with parameter${keys.length > 1 ? "s" : ""} ${keys.join(", ")}`,
      }
    : { message: " without parameters", details: " without parameters" };
  return pgrstError(
    404,
    "PGRST202",
    `Could not find the function ${qualified}${withParams.message} in the schema cache`,
    {
      details: `Searched for the function ${qualified}${withParams.details} or with a single unnamed json/jsonb parameter, but no matches were found in the schema cache.`,
      hint: await noRpcHint(client, schema, name, keys, [...overloads]),
    },
  );
}
