/**
 * No source file over 300 lines without a reason: a longer file must say why near its top, in a
 * comment holding "Over 300 lines:" and the reason (a data table, a catalogue). Part of
 * `npm run typecheck` (so of `npm test`). Checked: code, styles and pages (ts, tsx, js, css, html)
 * of src/, the dashboard, scripts/, bench/ and test/, and the config files beside package.json and
 * admin-panel/package.json. Not checked: SQL migrations (an applied one is never edited, so it could
 * not take a reason; `npm run docs:sql` indexes them), Markdown documents (prose, read by headings),
 * and what `npm run types` generates.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const MAX_LINES = 300;
const ROOTS = ["src", "admin-panel/src", "scripts", "bench", "test"];
/** Folders whose own files are checked, not their subfolders: where the config files sit. */
const SHALLOW = [".", "admin-panel"];
const SOURCE = /\.(ts|tsx|js|mjs|cjs|css|html)$/;
/** Generated files (npm run types). */
const GENERATED = /worker-configuration\.d\.ts$/;
const REASON = /Over 300 lines: \S/;
/** How far down the reason may sit (after a license line or imports of a short header). */
const REASON_WITHIN_LINES = 20;

function* sourceFiles(dir: string, deep = true): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (deep && entry.name !== "node_modules") yield* sourceFiles(path);
    } else if (SOURCE.test(entry.name) && !GENERATED.test(entry.name)) yield path;
  }
}

/** The files over the limit that give no reason and are not listed; pure, for a test. */
export function unexplainedLongFiles(files: Iterable<[path: string, text: string]>): string[] {
  const found: string[] = [];
  for (const [path, text] of files) {
    const lines = text.split("\n");
    const count = text.endsWith("\n") ? lines.length - 1 : lines.length;
    if (count <= MAX_LINES) continue;
    if (!REASON.test(lines.slice(0, REASON_WITHIN_LINES).join("\n"))) found.push(`${path} (${count} lines)`);
  }
  return found;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const paths = [
    ...ROOTS.flatMap((root) => [...sourceFiles(root)]),
    ...SHALLOW.flatMap((folder) => [...sourceFiles(folder, false)]),
  ];
  const files = paths.map((path): [string, string] => [path, readFileSync(path, "utf8")]);
  const long = unexplainedLongFiles(files);
  for (const file of long)
    console.error(`${file}: over ${MAX_LINES} lines; split it, or say why at its top ("Over 300 lines: …")`);
  if (long.length > 0) process.exit(1);
}
