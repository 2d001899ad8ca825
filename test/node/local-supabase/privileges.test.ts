/**
 * What each API role may do with every table, sequence and function the migrations create, compared
 * with a declaration (privileges.expected.ts). Run on a database holding only bootstrap.sql and the
 * migrations (no seed, no test objects), with no default privileges, as a Supabase project is today:
 * a new table or function that its migration forgot to grant, or granted too widely, fails here.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate } from "../../../scripts/local-supabase/migrate";
import {
  API_ROLES,
  type ApiRole,
  expectedFunctions,
  expectedSchemas,
  expectedTables,
  type FunctionExpectation,
  INTERNAL_SCHEMAS,
  type TablePrivilege,
} from "./privileges.expected";
import { sql, supabase, unique } from "./support";

const database = unique("privileges");
const inDb = <Row extends Record<string, unknown>>(text: string, values: unknown[] = []) =>
  sql<Row>(text, values, database);

beforeAll(async () => {
  await sql(`create database ${database}`);
  const url = new URL(supabase().databaseUrl);
  url.pathname = `/${database}`;
  await migrate({ connectionString: url.href, seed: false });
  // Names below print schema-qualified (public.tickets, public.ticket_view(text)).
  await sql(`alter database ${database} set search_path = ''`);
});

afterAll(() => sql(`drop database ${database} with (force)`));

/** Every schema the migrations own: the one PostgREST exposes and the private ones beside it. */
const OWN_SCHEMAS = `
  select n.oid, n.nspname from pg_namespace n
   where n.nspname not like 'pg\\_%'
     and n.nspname not in ('information_schema', ${INTERNAL_SCHEMAS.map((name) => `'${name}'`).join(", ")})`;

const TABLE_PRIVILEGES: TablePrivilege[] = [
  "SELECT",
  "INSERT",
  "UPDATE",
  "DELETE",
  "TRUNCATE",
  "REFERENCES",
  "TRIGGER",
];
/** Privileges that may also be granted on single columns, which has_table_privilege does not see. */
const COLUMN_PRIVILEGES = new Set<TablePrivilege>(["SELECT", "INSERT", "UPDATE", "REFERENCES"]);

describe("privileges of the API roles, as declared", () => {
  it("on every schema", async () => {
    const rows = await inDb<{ schema: string; role: ApiRole; usage: boolean; create: boolean }>(
      `select s.nspname as schema, r.role, has_schema_privilege(r.role, s.oid, 'USAGE') as usage,
              has_schema_privilege(r.role, s.oid, 'CREATE') as create
         from (${OWN_SCHEMAS}) s, unnest($1::text[]) r(role)`,
      [API_ROLES],
    );
    const actual: Record<string, ApiRole[]> = {};
    for (const row of rows) {
      expect(row.create, `${row.role} may create objects in ${row.schema}`).toBe(false);
      actual[row.schema] ??= [];
      if (row.usage) actual[row.schema]?.push(row.role);
    }
    expect(actual).toEqual(expectedSchemas);
  });

  it("on every table, view and sequence, with row level security on every table", async () => {
    const rows = await inDb<{ name: string; kind: string; rls: boolean }>(
      `select c.oid::regclass::text as name, c.relkind as kind, c.relrowsecurity as rls
         from pg_class c join (${OWN_SCHEMAS}) s on s.oid = c.relnamespace
        where c.relkind in ('r', 'p', 'v', 'm', 'f', 'S')
        order by 1`,
    );
    const privileges = await inDb<{
      name: string;
      role: ApiRole;
      privilege: TablePrivilege;
      granted: boolean;
    }>(
      `select c.oid::regclass::text as name, r.role, p.privilege,
              case when c.relkind = 'S' then has_sequence_privilege(r.role, c.oid, p.privilege)
                   else has_table_privilege(r.role, c.oid, p.privilege)
                        or (p.privilege = any ($2::text[]) and has_any_column_privilege(r.role, c.oid, p.privilege))
              end as granted
         from pg_class c join (${OWN_SCHEMAS}) s on s.oid = c.relnamespace,
              unnest($1::text[]) r(role),
              unnest(case when c.relkind = 'S' then array['USAGE', 'SELECT', 'UPDATE'] else $3::text[] end) p(privilege)
        where c.relkind in ('r', 'p', 'v', 'm', 'f', 'S')`,
      [API_ROLES, [...COLUMN_PRIVILEGES], TABLE_PRIVILEGES],
    );
    const actual: Record<string, Partial<Record<ApiRole, string[]>>> = {};
    for (const { name } of rows) actual[name] = {};
    for (const { name, role, privilege, granted } of privileges) {
      if (!granted) continue;
      const entry = actual[name] ?? {};
      entry[role] = [...(entry[role] ?? []), privilege].sort();
      actual[name] = entry;
    }
    const declared = Object.fromEntries(
      Object.entries(expectedTables).map(([name, roles]) => [
        name,
        Object.fromEntries(Object.entries(roles).map(([role, list]) => [role, [...list].sort()])),
      ]),
    );
    expect(actual).toEqual(declared);
    const withoutRls = rows
      .filter((row) => (row.kind === "r" || row.kind === "p") && !row.rls)
      .map((r) => r.name);
    expect(withoutRls, "tables without row level security").toEqual([]);
  });

  it("on every function: who may execute it, whether it runs as its owner, and a fixed search_path", async () => {
    const rows = await inDb<{
      name: string;
      definer: boolean;
      config: string[] | null;
      public: boolean;
      anon: boolean;
      authenticated: boolean;
      service_role: boolean;
    }>(
      `select p.oid::regprocedure::text as name, p.prosecdef as definer, p.proconfig as config,
              exists (select from aclexplode(coalesce(p.proacl, acldefault('f', p.proowner))) a
                       where a.grantee = 0 and a.privilege_type = 'EXECUTE') as public,
              has_function_privilege('anon', p.oid, 'EXECUTE') as anon,
              has_function_privilege('authenticated', p.oid, 'EXECUTE') as authenticated,
              has_function_privilege('service_role', p.oid, 'EXECUTE') as service_role
         from pg_proc p join (${OWN_SCHEMAS}) s on s.oid = p.pronamespace
        order by 1`,
    );
    const actual: Record<string, FunctionExpectation> = {};
    for (const row of rows) {
      expect(row.public, `PUBLIC may execute ${row.name}`).toBe(false);
      const searchPath = (row.config ?? []).find((setting) => setting.startsWith("search_path="));
      expect(searchPath, `${row.name} sets no search_path (Supabase lint 0011)`).toBe('search_path=""');
      actual[row.name] = {
        execute: API_ROLES.filter((role) => row[role]),
        ...(row.definer ? { definer: true } : {}),
      };
    }
    expect(actual).toEqual(expectedFunctions);
  });
});
