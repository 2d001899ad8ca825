/** Checks every Worker gets: its required secrets are there, and nothing is set twice or for nobody. */
import type { Findings, WorkerInput } from "./types";
import { HEX_64, httpsUrl } from "./values";

/** Secrets a Worker reads although `[secrets] required` may not list them (alternatives). */
const OPTIONAL_SECRETS: Record<string, readonly string[]> = {
  maxis: ["SUPABASE_JWT_SECRET", "SUPABASE_JWT_SIGNING_KEY"],
  shellia: [],
};

/** Local tooling only: `npm run dev` and `npm run interact` read them, no Worker does. */
const LOCAL_ONLY = new Set(["DEV_DISCORD_PRIVATE_KEY"]);

export function checkWorker(worker: WorkerInput, findings: Findings): void {
  const at = (name: string) => `${worker.name} ${name}`;
  const signingAlternatives = new Set(OPTIONAL_SECRETS[worker.name] ?? []);
  for (const name of worker.requiredSecrets) {
    const value = worker.secrets[name];
    // One of the two signing secrets is enough: the signing-key check says which is missing.
    if (signingAlternatives.has(name)) continue;
    if (value === undefined)
      findings.error(at(name), `is missing (${worker.configPath} lists it under [secrets] required)`);
    else if (value.trim() === "") findings.error(at(name), "is empty");
  }
  for (const [name, value] of Object.entries(worker.secrets)) {
    if (name in worker.vars) {
      findings.error(
        at(name),
        `is a [vars] entry of ${worker.configPath}: set it there; a secret of the same name would clash with it`,
      );
    } else if (
      !worker.requiredSecrets.includes(name) &&
      !signingAlternatives.has(name) &&
      !LOCAL_ONLY.has(name)
    ) {
      findings.warning(at(name), `is not a secret ${worker.name} reads: a typo, or another Worker's?`);
    }
    if (/[\r\n]/.test(value)) {
      findings.error(at(name), "spans several lines: `wrangler secret put` would store only the first one");
    }
  }

  const publicKey = worker.secrets["DISCORD_PUBLIC_KEY"];
  if (publicKey && !HEX_64.test(publicKey)) {
    findings.error(at("DISCORD_PUBLIC_KEY"), "is not a Discord public key (64 hexadecimal characters)");
  }
  const apiBase = worker.vars["DISCORD_API_BASE"];
  if (apiBase !== undefined && apiBase !== "https://discord.com/api/v10") {
    findings[httpsUrl(apiBase) ? "warning" : "error"](
      at("DISCORD_API_BASE"),
      `is "${apiBase}", not Discord's API (https://discord.com/api/v10)`,
    );
  }
}
