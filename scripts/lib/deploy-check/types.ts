/** What `npm run deploy:check` looks at, and what it reports. Plain data: no file or network here. */

/** One Worker as it is about to be deployed. */
export interface WorkerInput {
  /** The `name` in its wrangler file. */
  name: string;
  /** Its wrangler file's path, for messages. */
  configPath: string;
  /** `[vars]`: what wrangler deploy uploads as plain-text variables. */
  vars: Record<string, string>;
  /** `[secrets] required`: what wrangler deploy refuses to deploy without. */
  requiredSecrets: string[];
  /** `[[services]]`: binding name → Worker it reaches. */
  services: Record<string, string>;
  /** The secrets the operator is about to set (a .dev.vars-style file, or the environment). */
  secrets: Record<string, string>;
}

export interface MigrationFile {
  name: string;
  sql: string;
}

export interface DeployInput {
  maxis: WorkerInput;
  shellia: WorkerInput;
  migrations: MigrationFile[];
  /** The project's published JWKS (`/auth/v1/.well-known/jwks.json`, saved to a file), when given. */
  jwks?: unknown;
}

export interface Finding {
  level: "error" | "warning";
  /** Where to fix it: `maxis SUPABASE_URL`, `shellia MAXIS_TARGETS`, `supabase/migrations/…`. */
  where: string;
  message: string;
}

/** Collects findings for one place. */
export class Findings {
  readonly list: Finding[] = [];
  error(where: string, message: string): void {
    this.list.push({ level: "error", where, message });
  }
  warning(where: string, message: string): void {
    this.list.push({ level: "warning", where, message });
  }
}
