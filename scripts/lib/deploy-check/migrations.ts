/** The migrations `supabase db push` will apply: names it accepts, in one order, and RLS on every table. */
import type { Findings, MigrationFile } from "./types";

/** `supabase db push` applies files named <version>_<name>.sql, ordered by version. */
const MIGRATION_NAME = /^(\d{14})_[a-z0-9_]+\.sql$/;
const CREATE_TABLE = /\bcreate\s+table\s+(?:if\s+not\s+exists\s+)?(?:public\.)?"?([a-z_][a-z0-9_]*)"?\s*\(/gi;
const ENABLE_RLS =
  /\balter\s+table\s+(?:only\s+)?(?:public\.)?"?([a-z_][a-z0-9_]*)"?\s+enable\s+row\s+level\s+security/gi;

export function checkMigrations(files: readonly MigrationFile[], findings: Findings): void {
  if (files.length === 0) {
    findings.error("supabase/migrations", "holds no migration: `supabase db push` would create no schema");
    return;
  }
  const versions = new Map<string, string>();
  const created = new Map<string, string>();
  const protectedTables = new Set<string>();
  for (const file of files) {
    const where = `supabase/migrations/${file.name}`;
    const match = MIGRATION_NAME.exec(file.name);
    if (!match?.[1]) {
      findings.error(where, "is not named <14-digit timestamp>_<name>.sql: `supabase db push` skips it");
      continue;
    }
    const earlier = versions.get(match[1]);
    if (earlier)
      findings.error(where, `has the same version as ${earlier}: \`supabase db push\` refuses both`);
    versions.set(match[1], file.name);
    if (!file.sql.trim()) findings.warning(where, "is empty");
    for (const [, table] of file.sql.matchAll(CREATE_TABLE))
      if (table) created.set(table.toLowerCase(), file.name);
    for (const [, table] of file.sql.matchAll(ENABLE_RLS))
      if (table) protectedTables.add(table.toLowerCase());
  }
  for (const [table, file] of created) {
    if (!protectedTables.has(table)) {
      findings.error(
        `supabase/migrations/${file}`,
        `creates the table ${table} without enabling row level security`,
      );
    }
  }
}
