/**
 * The control API's cost. `npm run bench` prints:
 *  - signing a request (Shellia) and verifying it (Maxis) alone, in Node's WebCrypto, as vitest's table;
 *  - a report step: p50/p99 of sequential control calls, in several samples, through a real service
 *    binding in workerd (Miniflare):
 *    Shellia's client signs and sends, the Maxis bundle `wrangler deploy` builds verifies, claims the
 *    nonce in its Durable Object, runs the action and audits it to the local Postgres.
 * Why Miniflare from Node rather than the shellia test project: vitest only benches the node project,
 * and timing inside a driver Worker measures the binding hop itself, not Node↔workerd HTTP.
 */
import { convertV4MiniflareOptions, Miniflare } from "miniflare";
import { afterAll, beforeAll, bench, describe, inject } from "vitest";
import { maxisRuntime } from "../scripts/lib/maxis-config";
import { maxisBundle, wranglerBuild } from "../scripts/lib/worker-bundle";
import { type LocalDiscord, serveLocalDiscord } from "../scripts/local-discord/server";
import { signControlRequest } from "../src/shared/control/sign";
import { verifyControlSignature } from "../src/shared/control/verify";
import { freePort } from "../test/setup/ports";
import { errorsOnly, maxisBenchWorker, supabaseBindings } from "./maxis-worker";
import { benchOptions, scaled } from "./smoke";
import { median } from "./stats";

/** Samples per action, each of this many sequential calls. */
const SAMPLES = scaled(5, 1);
const CALLS_PER_SAMPLE = scaled(200, 3);
const SECRET = "bench-secret-0123456789abcdef0123456789abcdef";
const key = { keyId: "bench", secret: SECRET };
const keys = new Map([[key.keyId, key.secret]]);
const body = JSON.stringify({ operator: { id: "1300000000000000333", name: "bench" }, locale: "en" });
const path = "/control/v1/status";
const signed = new Headers(await signControlRequest(key, { method: "POST", path, body }));

describe("control signature alone (Node WebCrypto)", () => {
  bench(
    "sign (Shellia): SHA-256 of the body + HMAC-SHA256",
    async () => {
      await signControlRequest(key, { method: "POST", path, body });
    },
    benchOptions(),
  );
  bench(
    "verify (Maxis): headers, window, SHA-256 + constant-time HMAC check",
    async () => {
      await verifyControlSignature({
        headers: signed,
        method: "POST",
        path,
        hasQuery: false,
        rawBody: body,
        keys,
        now: Math.floor(Date.now() / 1000),
      });
    },
    benchOptions(),
  );
});

let mf: Miniflare | undefined;
let discord: LocalDiscord | undefined;

beforeAll(async () => {
  const bundle = maxisBundle(".build/bench/control-maxis");
  wranglerBuild([
    "bench/control-driver.ts",
    "--name",
    "control-driver",
    "--compatibility-date",
    maxisRuntime().compatibilityDate,
    "--outdir",
    ".build/bench/control-driver",
  ]);
  const supabase = inject("supabase");
  discord = await serveLocalDiscord(await freePort());
  mf = new Miniflare(
    convertV4MiniflareOptions({
      // Maxis logs every control call (the audit's fallback); here only errors are worth printing.
      handleStructuredLogs: errorsOnly,
      workers: [
        {
          name: "driver",
          modules: true,
          scriptPath: ".build/bench/control-driver/control-driver.js",
          compatibilityDate: maxisRuntime().compatibilityDate,
          bindings: { SECRET },
          serviceBindings: { MAXIS: "maxis" },
        },
        maxisBenchWorker(bundle, {
          DISCORD_API_BASE: discord.apiBase,
          DISCORD_APPLICATION_ID: "",
          ...supabaseBindings(supabase),
          STAFF_ROLE_ID: "",
          CONTROL_KEYS: JSON.stringify({ bench: SECRET }),
        }),
      ],
    }),
  );
}, 120_000);

interface DriverRun {
  calls: number;
  failures: number;
  p50: number;
  p99: number;
  mean: number;
  max: number;
}

/**
 * Report step: control calls in samples. Each sample is CALLS_PER_SAMPLE sequential calls timed inside
 * workerd by the driver; the table gives the median over the samples of each sample's p50 and p99,
 * and the spread of p99. Any call that did not come back `ok` fails the benchmark.
 */
afterAll(async () => {
  if (!mf) return;
  const driver = mf;
  const run = async (action: string, n: number) =>
    (await (await driver.dispatchFetch(`http://driver/?action=${action}&n=${n}`)).json()) as DriverRun;
  const rows: Record<string, Record<string, string | number>> = {};
  const failed: string[] = [];
  for (const [label, action] of [
    ["execute maintenance off (state object + audit)", "execute"],
    ["status (state object, 4 Postgres calls, giveaway index)", "status"],
  ] as const) {
    await run(action, scaled(50, 1)); // warm-up
    const samples: DriverRun[] = [];
    for (let i = 0; i < SAMPLES; i++) samples.push(await run(action, CALLS_PER_SAMPLE));
    const failures = samples.reduce((sum, sample) => sum + sample.failures, 0);
    if (failures > 0) failed.push(`${label}: ${failures} failed calls`);
    const p99s = samples.map((sample) => sample.p99);
    rows[label] = {
      samples: `${SAMPLES} × ${CALLS_PER_SAMPLE}`,
      failures,
      "p50 ms (median)": median(samples.map((sample) => sample.p50)).toFixed(2),
      "p99 ms (median)": median(p99s).toFixed(2),
      "p99 ms (min–max)": `${Math.min(...p99s).toFixed(2)}–${Math.max(...p99s).toFixed(2)}`,
      "mean ms (median)": median(samples.map((sample) => sample.mean)).toFixed(3),
    };
  }
  console.log(
    "\nReport step: sequential control calls, Shellia's client → service binding → Maxis (workerd via Miniflare), timed inside workerd",
  );
  console.table(rows);
  await mf.dispose();
  await discord?.close();
  // A fast failure is not a fast call.
  if (failed.length) throw new Error(`control calls failed: ${failed.join("; ")}`);
}, 300_000);
