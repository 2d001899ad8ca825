/**
 * `npm run deploy:check`'s judgement, separate from reading files: given both Workers' wrangler
 * settings, the secrets about to be set and the migrations, every missing or malformed setting.
 */
import { checkWorker } from "./common";
import { checkMaxis } from "./maxis";
import { checkMigrations } from "./migrations";
import { checkShellia } from "./shellia";
import { checkSigningKey } from "./signing-key";
import { type DeployInput, type Finding, Findings } from "./types";

export type { DeployInput, Finding, MigrationFile, WorkerInput } from "./types";

export async function checkDeployment(input: DeployInput): Promise<Finding[]> {
  const findings = new Findings();
  checkWorker(input.maxis, findings);
  checkWorker(input.shellia, findings);
  checkMaxis(input.maxis, findings);
  await checkSigningKey(input.maxis, input.jwks, findings);
  checkShellia(input.shellia, input.maxis, findings);
  checkMigrations(input.migrations, findings);
  return findings.list;
}

/** The report printed to the operator: errors first, then warnings, one line each. */
export function formatFindings(findings: readonly Finding[]): string {
  const errors = findings.filter((finding) => finding.level === "error");
  const warnings = findings.filter((finding) => finding.level === "warning");
  const lines = [
    ...errors.map((finding) => `✘ ${finding.where}: ${finding.message}`),
    ...warnings.map((finding) => `▲ ${finding.where}: ${finding.message}`),
  ];
  const summary = errors.length
    ? `${errors.length} error(s), ${warnings.length} warning(s): fix the errors before deploying.`
    : `No errors${warnings.length ? `, ${warnings.length} warning(s)` : ""}: ready to deploy.`;
  return [...lines, summary].join("\n");
}
