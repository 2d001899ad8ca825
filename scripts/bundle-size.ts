/**
 * npm run size: bundles both Workers exactly as `wrangler deploy` would and prints their gzip sizes
 * against the budgets (Shellia ≤ 60 KiB, Maxis ≤ 150 KiB), and beside them the CPU each bundle
 * spends starting (compiling and evaluating its modules) as `wrangler check startup` profiles it in
 * a local workerd (median of a few profiles). Exits 1 when a Worker is over budget, or when Shellia's
 * bundle uses a message of a catalogue it drops (./lib/shellia-catalogues.ts). Startup varies with
 * the machine's load: it is printed for comparison, not checked.
 */
import { execFile } from "node:child_process";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { gzipSync } from "node:zlib";
import { median } from "../bench/stats";
import { activeMs, type CpuProfile } from "./lib/cpu-profile";
import { shelliaCatalogueProblems } from "./lib/shellia-catalogues";

const run = promisify(execFile);
const budgetsKiB = { shellia: 60, maxis: 150 } as const;
/** Startup profiles per Worker; the median is printed (one sample swings with the machine's load). */
const STARTUP_SAMPLES = 3;
const wranglerEnv = { ...process.env, WRANGLER_SEND_METRICS: "false" };

interface Row {
  worker: string;
  rawKiB: string;
  gzipKiB: string;
  budgetKiB: number;
  ok: string;
  "startup CPU ms": string;
}

async function measure(worker: keyof typeof budgetsKiB, budget: number): Promise<Row & { over: boolean }> {
  const outdir = join(".build", "size", worker);
  const bundle = join(".build", "size", `${worker}.bundle`);
  const profile = join(".build", "size", `${worker}-startup.cpuprofile`);
  // One build: the modules (for the sizes) and the upload form (for the startup profile).
  await run(
    "wrangler",
    ["deploy", "--dry-run", "--outdir", outdir, "--outfile", bundle, "-c", `wrangler.${worker}.toml`],
    { env: wranglerEnv },
  );
  const startups: number[] = [];
  for (let sample = 0; sample < STARTUP_SAMPLES; sample++) {
    await run(
      "wrangler",
      ["check", "startup", "--worker", bundle, "--outfile", profile, "-c", `wrangler.${worker}.toml`],
      { env: wranglerEnv },
    );
    startups.push(activeMs(JSON.parse(readFileSync(profile, "utf8")) as CpuProfile));
  }
  const modules = readdirSync(outdir).filter((file) => file.endsWith(".js"));
  const raw = modules.reduce((sum, file) => sum + statSync(join(outdir, file)).size, 0);
  const gzip = modules.reduce((sum, file) => sum + gzipSync(readFileSync(join(outdir, file))).length, 0);
  const startup = median(startups);
  const ok = gzip / 1024 <= budget;
  return {
    worker,
    rawKiB: (raw / 1024).toFixed(1),
    gzipKiB: (gzip / 1024).toFixed(1),
    budgetKiB: budget,
    ok: ok ? "yes" : "OVER",
    "startup CPU ms": startup.toFixed(1),
    over: !ok,
  };
}

const rows = await Promise.all(
  Object.entries(budgetsKiB).map(([worker, budget]) => measure(worker as keyof typeof budgetsKiB, budget)),
);
console.table(rows.map(({ over: _, ...row }) => row));
console.log(
  `Startup CPU: median of ${STARTUP_SAMPLES} \`wrangler check startup\` profiles in local workerd (the last in .build/size/).`,
);
const catalogueProblems = shelliaCatalogueProblems(
  readFileSync(join(".build", "size", "shellia", "index.js"), "utf8"),
);
for (const problem of catalogueProblems) console.error(`Shellia's bundle ${problem}`);
if (rows.some((row) => row.over) || catalogueProblems.length > 0) process.exit(1);
