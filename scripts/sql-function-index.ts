/** Rewrites the SQL function index in ARCHITECTURE.md from supabase/migrations. */
import { readFileSync, writeFileSync } from "node:fs";
import { indexFunctions, readMigrations, renderIndex, withIndex } from "./lib/sql-function-index";

const document = readFileSync("ARCHITECTURE.md", "utf8");
const updated = withIndex(document, renderIndex(indexFunctions(readMigrations("supabase/migrations"))));
if (updated === undefined) {
  console.error("ARCHITECTURE.md has no sql-function-index markers");
  process.exit(1);
}
writeFileSync("ARCHITECTURE.md", updated);
