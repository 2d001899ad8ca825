/**
 * The settings stored with `ALTER ROLE ... SET` (e.g. statement_timeout) for each role a call may
 * impersonate, read once per role and kept, as PostgREST keeps them: it reads pg_db_role_setting when
 * it loads its configuration and sets them with the request's other settings, so a running PostgREST
 * sees a change only after `NOTIFY pgrst, 'reload config'` or a restart. Reading the catalog inside
 * every call was a quarter of PostgreSQL's work per call under load (bench/load, issue 18).
 */
import type pg from "pg";

export type RoleSettings = readonly (readonly [name: string, value: string])[];

/** The database's own settings for the role override the role's settings for every database. */
const ROLE_SETTINGS_SQL = `
  select split_part(setting, '=', 1) as name, substr(setting, strpos(setting, '=') + 1) as value
    from pg_catalog.pg_db_role_setting s, unnest(s.setconfig) as setting
   where s.setrole = (select oid from pg_catalog.pg_roles where rolname = $1)
     and s.setdatabase in (0, (select oid from pg_catalog.pg_database where datname = current_database()))
   order by s.setdatabase`;

export class RoleSettingsCache {
  private readonly byRole = new Map<string, RoleSettings>();

  /** The role's settings, from the catalog the first time this role is seen. */
  async of(client: pg.ClientBase, role: string): Promise<RoleSettings> {
    const kept = this.byRole.get(role);
    if (kept) return kept;
    const { rows } = await client.query<{ name: string; value: string }>(ROLE_SETTINGS_SQL, [role]);
    const settings = rows.map((row) => [row.name, row.value] as const);
    this.byRole.set(role, settings);
    return settings;
  }
}
