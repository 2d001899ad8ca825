/**
 * npm run deploy:check: the preflight before `wrangler deploy`, offline. Reads wrangler.maxis.toml,
 * wrangler.shellia.toml, supabase/migrations and the secrets each Worker is about to get, and names
 * every missing or malformed setting. Exits 1 on any error.
 *
 *   npm run deploy:check -- --maxis .dev.vars.maxis.production --shellia .dev.vars.shellia.production
 *   npm run deploy:check -- --from-env            # MAXIS_<NAME> and SHELLIA_<NAME> environment variables
 *   … --jwks jwks.json                            # also check the key against the project's JWKS
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { unstable_readConfig } from "wrangler";
import { checkDeployment, formatFindings, type WorkerInput } from "./lib/deploy-check";
import { readDevVars } from "./lib/dev-vars";

const USAGE = `Usage: npm run deploy:check -- --maxis FILE --shellia FILE [--jwks FILE]
       npm run deploy:check -- --from-env [--jwks FILE]

  --maxis FILE     Maxis's secrets, KEY='value' lines (.dev.vars style), as \`wrangler secret bulk FILE\` uploads them
  --shellia FILE   Shellia's secrets, likewise
  --from-env       read them from the environment instead: MAXIS_<NAME> and SHELLIA_<NAME>
  --maxis-config FILE, --shellia-config FILE
                   the wrangler files to read (default: wrangler.maxis.toml, wrangler.shellia.toml)
  --jwks FILE      the project's JWKS (https://<ref>.supabase.co/auth/v1/.well-known/jwks.json, saved):
                   checks that SUPABASE_JWT_SIGNING_KEY's kid and public key are the project's
Variables ([vars]) are read from the wrangler files, as wrangler deploy uploads them.`;

function fromEnvironment(prefix: string): Record<string, string> {
  return Object.fromEntries(
    Object.entries(process.env)
      .filter((entry): entry is [string, string] => entry[0].startsWith(prefix) && entry[1] !== undefined)
      .map(([name, value]) => [name.slice(prefix.length), value]),
  );
}

function readWorker(configPath: string, secrets: Record<string, string>): WorkerInput {
  const config = unstable_readConfig({ config: configPath });
  return {
    name: config.name ?? "",
    configPath,
    vars: Object.fromEntries(Object.entries(config.vars).map(([name, value]) => [name, String(value)])),
    requiredSecrets: config.secrets?.required ?? [],
    services: Object.fromEntries(
      (config.services ?? []).map((service: { binding: string; service: string }) => [
        service.binding,
        service.service,
      ]),
    ),
    secrets,
  };
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      maxis: { type: "string" },
      shellia: { type: "string" },
      "from-env": { type: "boolean", default: false },
      jwks: { type: "string" },
      "maxis-config": { type: "string", default: "wrangler.maxis.toml" },
      "shellia-config": { type: "string", default: "wrangler.shellia.toml" },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help || (!values["from-env"] && (!values.maxis || !values.shellia))) {
    console.log(USAGE);
    return values.help ? 0 : 2;
  }
  for (const file of [
    values.maxis,
    values.shellia,
    values.jwks,
    values["maxis-config"],
    values["shellia-config"],
  ]) {
    if (file && !existsSync(file)) {
      console.error(`${file}: no such file`);
      return 2;
    }
  }
  const secretsOf = (worker: "maxis" | "shellia"): Record<string, string> => {
    const file = values[worker];
    return values["from-env"] || !file ? fromEnvironment(`${worker.toUpperCase()}_`) : readDevVars(file);
  };
  const migrationsDir = "supabase/migrations";
  const migrations = readdirSync(migrationsDir)
    .filter((name) => !name.startsWith("."))
    .sort()
    .map((name) => ({ name, sql: readFileSync(join(migrationsDir, name), "utf8") }));

  const findings = await checkDeployment({
    maxis: readWorker(values["maxis-config"], secretsOf("maxis")),
    shellia: readWorker(values["shellia-config"], secretsOf("shellia")),
    migrations,
    ...(values.jwks ? { jwks: JSON.parse(readFileSync(values.jwks, "utf8")) as unknown } : {}),
  });
  console.log(formatFindings(findings));
  return findings.some((finding) => finding.level === "error") ? 1 : 0;
}

process.exitCode = await main();
