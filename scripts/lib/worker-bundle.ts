/**
 * The one way tests, the browser stack and benchmarks build a Worker: `wrangler deploy --dry-run`,
 * so they run exactly the bundle an upload would send (bundling, minification, wrangler.*.toml).
 * Runtime settings for running that bundle in Miniflare come from ./maxis-config.ts.
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";

/** Runs `wrangler deploy --dry-run <args>`; wrangler's warnings and errors go to stderr. */
export function wranglerBuild(args: readonly string[]): void {
  execFileSync("wrangler", ["deploy", "--dry-run", ...args], {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, WRANGLER_SEND_METRICS: "false" },
  });
}

/**
 * Maxis's bundle in `outdir` (its path returned), built once per process tree: the first caller
 * builds and marks it in the environment, which child processes (Vitest's workers) inherit.
 */
export function maxisBundle(outdir = join(".build", "test", "maxis")): string {
  const bundle = join(outdir, "index.js");
  const mark = `MAXIS_BUNDLE_BUILT_${outdir.replace(/\W/g, "_")}`;
  if (!process.env[mark] || !existsSync(bundle)) {
    wranglerBuild(["--outdir", outdir, "-c", "wrangler.maxis.toml"]);
    process.env[mark] = "1";
  }
  return bundle;
}
