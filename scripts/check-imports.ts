/**
 * What may import what: the rules of `.dependency-cruiser.cjs` (src/shared imports neither Worker,
 * neither Worker imports the other, the dashboard imports only src/shared, no file cycle), and no
 * import cycle between the folders of src/ and admin-panel/src/ (scripts/lib/folder-cycles.ts says
 * which edges count). Type-only imports count too. Part of `npm run typecheck` (so of `npm test`).
 */
import { cruise, type IConfiguration } from "dependency-cruiser";
import extractDepcruiseConfig from "dependency-cruiser/config-utl/extract-depcruise-config";
import { describeCycle, type FileImport, folderCycles } from "./lib/folder-cycles";

const ROOTS = ["src", "admin-panel/src", "scripts", "bench", "test"];
/**
 * Whose folders must not import each other in a cycle: the product's. Tooling may reach into it
 * both ways (a test of src/ using a scripts/ helper, the dev server serving src/ code): not counted.
 */
const PRODUCT = /^(src|admin-panel\/src)\//;

const config: IConfiguration = await extractDepcruiseConfig("./.dependency-cruiser.cjs");
const { output } = await cruise(ROOTS, {
  ...config.options,
  validate: true,
  ruleSet: { forbidden: config.forbidden ?? [] },
});
if (typeof output === "string") throw new Error("dependency-cruiser answered text, not a cruise result");

const problems: string[] = [];
for (const violation of output.summary.violations) {
  const via = violation.cycle ? ` (${violation.cycle.map((step) => step.name).join(" → ")})` : "";
  problems.push(`${violation.rule.name}: ${violation.from} imports ${violation.to}${via}`);
}
const imports: FileImport[] = output.modules.flatMap((module) =>
  module.dependencies
    .filter((dependency) => !dependency.coreModule && !dependency.couldNotResolve)
    .filter((dependency) => !dependency.resolved.includes("node_modules/"))
    .map((dependency): FileImport => [module.source, dependency.resolved])
    .filter(([from, to]) => PRODUCT.test(from) && PRODUCT.test(to)),
);
problems.push(...folderCycles(imports).map(describeCycle));

for (const problem of problems) console.error(problem);
if (problems.length > 0) {
  console.error("Move what both sides need to a folder both may import (see ARCHITECTURE.md, 'Folders').");
  process.exit(1);
}
