/**
 * Talks to the test database exactly as PostgREST does for an RPC: one transaction, `set local role`
 * to the JWT's role, the claims in `request.jwt.claims`. The superuser pool is for setting up and
 * inspecting only.
 */
import pg from "pg";
import { inject } from "vitest";

export const superuser = new pg.Pool({ connectionString: inject("supabase").databaseUrl, max: 4 });

export type AppRole = "member" | "agent" | "admin";
export interface Person {
  sub: string;
  appRole: AppRole;
  guildId: string;
  /** The member's Discord role ids, as the JWT's `roles` claim carries them. */
  roles?: readonly string[];
}
/** Who runs a statement: a signed-in Discord user, the anon key, or the service role. */
export type Caller = Person | "anon" | "service_role";

import { snowflake } from "../../support/snowflake";

export { snowflake };

export function newGuild() {
  const guildId = snowflake();
  const person = (appRole: AppRole): Person => ({ sub: snowflake(), appRole, guildId });
  return {
    guildId,
    memberA: person("member"),
    memberB: person("member"),
    agent: person("agent"),
    admin: person("admin"),
  };
}

export interface Outcome {
  rows: Record<string, unknown>[];
  rowCount: number;
  error: { code: string; message: string; detail: string | undefined } | null;
}

/** Runs one statement as `caller` in its own transaction (committed when it succeeds). */
export async function runAs(caller: Caller, sql: string, params: unknown[] = []): Promise<Outcome> {
  const client = await superuser.connect();
  try {
    await client.query("begin");
    const role = typeof caller === "string" ? caller : "authenticated";
    const claims =
      caller === "anon"
        ? { role: "anon" }
        : caller === "service_role"
          ? { role: "service_role" }
          : {
              sub: caller.sub,
              role: "authenticated",
              app_role: caller.appRole,
              guild_id: caller.guildId,
              ...(caller.roles ? { roles: caller.roles } : {}),
            };
    await client.query(`set local role ${role}`);
    await client.query("select set_config('request.jwt.claims', $1, true)", [JSON.stringify(claims)]);
    try {
      const result = await client.query(sql, params);
      await client.query("commit");
      return { rows: result.rows, rowCount: result.rowCount ?? 0, error: null };
    } catch (error) {
      await client.query("rollback");
      if (!(error instanceof pg.DatabaseError)) throw error;
      return {
        rows: [],
        rowCount: 0,
        error: { code: error.code ?? "", message: error.message, detail: error.detail },
      };
    }
  } finally {
    client.release();
  }
}

/** Calls public.<fn>(named args) as `caller`; returns the function's JSON, or the error it raised. */
export async function callAs(caller: Caller, fn: string, args: Record<string, unknown> = {}) {
  const names = Object.keys(args);
  const list = names.map((name, i) => `${pg.escapeIdentifier(name)} => $${i + 1}`).join(", ");
  const outcome = await runAs(
    caller,
    `select public.${pg.escapeIdentifier(fn)}(${list}) as result`,
    names.map((name) => args[name]),
  );
  return { data: (outcome.rows[0]?.["result"] ?? null) as unknown, error: outcome.error };
}

/** Like callAs, but the call must succeed. */
export async function mustCall<T = Record<string, unknown>>(
  caller: Caller,
  fn: string,
  args: Record<string, unknown> = {},
): Promise<T> {
  const { data, error } = await callAs(caller, fn, args);
  if (error) throw new Error(`${fn} failed: ${error.message} (${error.code}) ${error.detail ?? ""}`);
  return data as T;
}

/** Everything stored for one guild, as the superuser sees it: to prove nothing changed. */
export async function guildSnapshot(guildId: string) {
  const q = async (sql: string) => (await superuser.query(sql, [guildId])).rows;
  return {
    tickets: await q("select * from public.tickets where guild_id = $1 order by id"),
    messages: await q("select * from public.ticket_messages where guild_id = $1 order by id"),
    audit: await q("select * from public.ticket_audit where guild_id = $1 order by id"),
    staff: await q("select * from public.ticket_staff where guild_id = $1 order by user_id"),
    counter: await q("select * from public.ticket_guild_counters where guild_id = $1"),
  };
}

export async function auditRows(guildId: string, afterId = 0) {
  const { rows } = await superuser.query<{
    id: string;
    ticket_number: number;
    action: string;
    actor_id: string | null;
    actor_role: string;
    before: Record<string, unknown> | null;
    after: Record<string, unknown> | null;
  }>(
    `select id, ticket_number, action, actor_id, actor_role, before, after
       from public.ticket_audit where guild_id = $1 and id > $2 order by id`,
    [guildId, afterId],
  );
  return rows;
}

export async function lastAuditId(guildId: string): Promise<number> {
  const { rows } = await superuser.query<{ id: string | null }>(
    "select max(id) as id from public.ticket_audit where guild_id = $1",
    [guildId],
  );
  return Number(rows[0]?.id ?? 0);
}

/**
 * One statement as an arbitrary JWT (`runAs` covers members, anon and service_role with no subject):
 * e.g. the payments identity or a scheduler, each a `sub` of service_role.
 */
export async function asClaims(claims: Record<string, string>, sql: string, params: unknown[] = []) {
  const client = await superuser.connect();
  try {
    await client.query("begin");
    await client.query(`set local role ${pg.escapeIdentifier(claims["role"] ?? "anon")}`);
    await client.query("select set_config('request.jwt.claims', $1, true)", [JSON.stringify(claims)]);
    try {
      const result = await client.query(sql, params);
      await client.query("commit");
      return { rows: result.rows as Record<string, unknown>[], error: null };
    } catch (error) {
      await client.query("rollback");
      return { rows: [], error: error as pg.DatabaseError };
    }
  } finally {
    client.release();
  }
}
