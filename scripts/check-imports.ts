/**
 * What may import what in the product: the rules of `.dependency-cruiser.cjs` (src/shared imports
 * neither Worker, neither Worker imports the other, the dashboard imports only src/shared, no cycle
 * between files nor between folders), checked by dependency-cruiser. A folder cycle is printed with
 * one import for each of its steps. Part of `npm run typecheck` (so of `npm test`).
 */
import { cruise, type IConfiguration } from "dependency-cruiser";
import extractDepcruiseConfig from "dependency-cruiser/config-utl/extract-depcruise-config";
import { cycleKey, describeFolderCycle, type FileImport } from "./lib/folder-cycle-report";

const ROOTS = ["src", "admin-panel/src"];

const config: IConfiguration = await extractDepcruiseConfig("./.dependency-cruiser.cjs");
const { output } = await cruise(ROOTS, {
  ...config.options,
  validate: true,
  ruleSet: { forbidden: config.forbidden ?? [] },
});
if (typeof output === "string") throw new Error("dependency-cruiser answered text, not a cruise result");

const imports: FileImport[] = output.modules.flatMap((module) =>
  module.dependencies.map((dependency): FileImport => [module.source, dependency.resolved]),
);
const problems = new Set<string>();
for (const violation of output.summary.violations) {
  const path = violation.cycle ? [violation.from, ...violation.cycle.map((step) => step.name)] : null;
  if (violation.rule.name === "no-folder-cycle" && path) problems.add(describeFolderCycle(path, imports));
  else if (path) problems.add(`${violation.rule.name}: ${cycleKey(path)}`);
  else problems.add(`${violation.rule.name}: ${violation.from} imports ${violation.to}`);
}

for (const problem of problems) console.error(problem);
if (problems.size > 0) {
  console.error("Move what both sides need to where both may import it (ARCHITECTURE.md, 'Folders').");
  process.exit(1);
}
