/**
 * npm run size: bundles both Workers exactly as `wrangler deploy` would and prints their gzip sizes
 * against the budgets (Shellia ≤ 60 KiB, Maxis ≤ 157 KiB). Exits 1 when a Worker is over budget.
 */
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

// Maxis: 150 KiB, plus 7 KiB for payments (issue 14: Stripe over REST, webhooks, ledger, /subscription
// measured at +6.6 KiB gzip; the official Stripe SDK alone would have been +32 KiB).
const budgetsKiB = { shellia: 60, maxis: 157 } as const;
let overBudget = false;
const rows: { worker: string; rawKiB: string; gzipKiB: string; budgetKiB: number; ok: string }[] = [];

for (const [worker, budget] of Object.entries(budgetsKiB)) {
  const outdir = join(".build", "size", worker);
  execFileSync("wrangler", ["deploy", "--dry-run", "--outdir", outdir, "-c", `wrangler.${worker}.toml`], {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, WRANGLER_SEND_METRICS: "false" },
  });
  const modules = readdirSync(outdir).filter((file) => file.endsWith(".js"));
  const raw = modules.reduce((sum, file) => sum + statSync(join(outdir, file)).size, 0);
  const gzip = modules.reduce((sum, file) => sum + gzipSync(readFileSync(join(outdir, file))).length, 0);
  const ok = gzip / 1024 <= budget;
  overBudget ||= !ok;
  rows.push({
    worker,
    rawKiB: (raw / 1024).toFixed(1),
    gzipKiB: (gzip / 1024).toFixed(1),
    budgetKiB: budget,
    ok: ok ? "yes" : "OVER",
  });
}

console.table(rows);
if (overBudget) process.exit(1);
