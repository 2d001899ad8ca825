/**
 * Generates (or with --check, verifies) the `Env` types of both Workers from their wrangler configs.
 * Each Worker gets its own interface in its own folder, so Shellia's code cannot even name a Maxis
 * secret; the runtime types are generated once, shared by both.
 */
import { execFileSync } from "node:child_process";

const check = process.argv.includes("--check");
const targets: [string, string, ...string[]][] = [
  [
    "wrangler.shellia.toml",
    "src/shellia/worker-configuration.d.ts",
    "--env-interface",
    "ShelliaEnv",
    "--include-runtime",
    "false",
  ],
  [
    "wrangler.maxis.toml",
    "src/maxis/worker-configuration.d.ts",
    "--env-interface",
    "MaxisEnv",
    "--include-runtime",
    "false",
  ],
  ["wrangler.maxis.toml", "types/generated/workers-runtime.d.ts", "--include-env", "false"],
];

for (const [config, output, ...flags] of targets) {
  execFileSync(
    "wrangler",
    ["types", "-c", config, output, "--strict-vars", "false", ...flags, ...(check ? ["--check"] : [])],
    { stdio: check ? ["ignore", "ignore", "inherit"] : "inherit" },
  );
}
