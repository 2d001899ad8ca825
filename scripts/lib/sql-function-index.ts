/**
 * Later migrations redefine functions (`create or replace`), so the file that created a function is
 * not where its current body is. This builds the index ARCHITECTURE.md shows: each function the
 * migrations leave behind, with the migration holding its current definition.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

export interface FunctionDefinition {
  readonly name: string;
  readonly migration: string;
}

const DEFINITION = /\bcreate\s+(?:or\s+replace\s+)?function\s+([a-z_][a-z0-9_]*\.[a-z_][a-z0-9_]*)\s*\(/gi;
const DROP = /\bdrop\s+function\s+(?:if\s+exists\s+)?([a-z_][a-z0-9_]*\.[a-z_][a-z0-9_]*)\b/gi;

/** The current definition of every function, given the migrations' texts in the order they apply. */
export function indexFunctions(migrations: readonly { file: string; text: string }[]): FunctionDefinition[] {
  const latest = new Map<string, string>();
  for (const { file, text } of migrations) {
    const sql = text.replace(/--.*$/gm, "");
    const events: { at: number; name: string; drop: boolean }[] = [];
    for (const match of sql.matchAll(DEFINITION))
      events.push({ at: match.index, name: match[1] ?? "", drop: false });
    for (const match of sql.matchAll(DROP))
      events.push({ at: match.index, name: match[1] ?? "", drop: true });
    for (const event of events.sort((a, b) => a.at - b.at)) {
      const name = event.name.toLowerCase();
      if (event.drop) latest.delete(name);
      else latest.set(name, file);
    }
  }
  return [...latest]
    .map(([name, migration]) => ({ name, migration }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

export function readMigrations(directory: string): { file: string; text: string }[] {
  return readdirSync(directory)
    .filter((file) => file.endsWith(".sql"))
    .sort()
    .map((file) => ({ file, text: readFileSync(join(directory, file), "utf8") }));
}

export const INDEX_START = "<!-- sql-function-index:start (npm run docs:sql writes this list) -->";
export const INDEX_END = "<!-- sql-function-index:end -->";

export function renderIndex(functions: readonly FunctionDefinition[]): string {
  const rows = functions.map(({ name, migration }) => `- \`${name}\`: \`${migration}\``);
  return [INDEX_START, "", ...rows, "", INDEX_END].join("\n");
}

/** The document with its index replaced, or undefined when it has no index markers. */
export function withIndex(document: string, index: string): string | undefined {
  const start = document.indexOf(INDEX_START);
  const end = document.indexOf(INDEX_END);
  if (start < 0 || end < start) return undefined;
  return document.slice(0, start) + index + document.slice(end + INDEX_END.length);
}
