/**
 * The control API's cost. `npm run bench` prints:
 *  - signing a request (Shellia) and verifying it (Maxis) alone, in Node's WebCrypto, as vitest's table;
 *  - p50/p99 of 1,000 sequential control calls through a real service binding in workerd (Miniflare):
 *    Shellia's client signs and sends, the Maxis bundle `wrangler deploy` builds verifies, claims the
 *    nonce in its Durable Object, runs the action and audits it to the local Postgres.
 * Why Miniflare from Node rather than the shellia test project: vitest only benches the node project,
 * and timing inside a driver Worker measures the binding hop itself, not Node↔workerd HTTP.
 */
import { execFileSync } from "node:child_process";
import { convertV4MiniflareOptions, Miniflare } from "miniflare";
import { afterAll, beforeAll, bench, describe, inject } from "vitest";
import { maxisRuntime } from "../scripts/lib/maxis-config";
import { type LocalDiscord, serveLocalDiscord } from "../scripts/local-discord/server";
import { signControlRequest } from "../src/shared/control/sign";
import { verifyControlSignature } from "../src/shared/control/verify";
import { freePort } from "../test/setup/ports";

const CALLS = 1_000;
const SECRET = "bench-secret-0123456789abcdef0123456789abcdef";
const key = { keyId: "bench", secret: SECRET };
const keys = new Map([[key.keyId, key.secret]]);
const body = JSON.stringify({ operator: { id: "1300000000000000333", name: "bench" }, locale: "en" });
const path = "/control/v1/status";
const signed = new Headers(await signControlRequest(key, { method: "POST", path, body }));

describe("control signature alone (Node WebCrypto)", () => {
  bench("sign (Shellia): SHA-256 of the body + HMAC-SHA256", async () => {
    await signControlRequest(key, { method: "POST", path, body });
  });
  bench("verify (Maxis): headers, window, SHA-256 + constant-time HMAC check", async () => {
    await verifyControlSignature({
      headers: signed,
      method: "POST",
      path,
      hasQuery: false,
      rawBody: body,
      keys,
      now: Math.floor(Date.now() / 1000),
    });
  });
});

let mf: Miniflare | undefined;
let discord: LocalDiscord | undefined;

beforeAll(async () => {
  const build = (args: string[]) =>
    execFileSync("wrangler", ["deploy", "--dry-run", ...args], {
      stdio: ["ignore", "ignore", "inherit"],
      env: { ...process.env, WRANGLER_SEND_METRICS: "false" },
    });
  build(["--outdir", ".build/bench/control-maxis", "-c", "wrangler.maxis.toml"]);
  build([
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
      handleStructuredLogs: ({ level, message }: { level: string; message: string }) => {
        if (level === "error") console.error(message);
      },
      workers: [
        {
          name: "driver",
          modules: true,
          scriptPath: ".build/bench/control-driver/control-driver.js",
          compatibilityDate: maxisRuntime().compatibilityDate,
          bindings: { SECRET },
          serviceBindings: { MAXIS: "maxis" },
        },
        {
          name: "maxis",
          modules: true,
          scriptPath: ".build/bench/control-maxis/index.js",
          ...maxisRuntime(),
          bindings: {
            DISCORD_API_BASE: discord.apiBase,
            DISCORD_BOT_TOKEN: "bench",
            DISCORD_PUBLIC_KEY: "00".repeat(32),
            DISCORD_APPLICATION_ID: "",
            SUPABASE_URL: supabase.restUrl,
            SUPABASE_PUBLISHABLE_KEY: supabase.publishableKey,
            SUPABASE_JWT_SIGNING_KEY: supabase.signingKey,
            STAFF_ROLE_ID: "",
            CONTROL_KEYS: JSON.stringify({ bench: SECRET }),
          },
        },
      ],
    }),
  );
}, 120_000);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

interface DriverRun {
  calls: number;
  failures: number;
  p50: number;
  p99: number;
  mean: number;
  max: number;
}

afterAll(async () => {
  if (!mf) return;
  const driver = mf;
  const run = async (action: string, n: number) =>
    (await (await driver.dispatchFetch(`http://driver/?action=${action}&n=${n}`)).json()) as DriverRun;
  const rows: Record<string, Record<string, string | number>> = {};
  for (const [label, action] of [
    ["execute maintenance off (state object + audit)", "execute"],
    ["status (state object, 4 Postgres calls, giveaway index)", "status"],
  ] as const) {
    await run(action, 50); // warm-up
    const inside = await run(action, CALLS);
    rows[`${label}, timed in workerd`] = {
      calls: inside.calls,
      failures: inside.failures,
      "p50 ms": inside.p50.toFixed(2),
      "p99 ms": inside.p99.toFixed(2),
      "mean ms": inside.mean.toFixed(3),
    };
    // workerd's clock only moves in whole milliseconds at I/O; timing each call from Node gives a
    // fine-grained upper bound (it adds the Node → workerd HTTP hop to every call).
    const times: number[] = [];
    let failures = 0;
    for (let i = 0; i < CALLS; i++) {
      const started = performance.now();
      failures += (await run(action, 1)).failures;
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    rows[`${label}, timed from Node (+ hop)`] = {
      calls: CALLS,
      failures,
      "p50 ms": percentile(times, 50).toFixed(2),
      "p99 ms": percentile(times, 99).toFixed(2),
      "mean ms": (times.reduce((a, b) => a + b, 0) / CALLS).toFixed(3),
    };
  }
  console.log(
    `\n${CALLS.toLocaleString("en-US")} sequential control calls each: Shellia's client → service binding → Maxis (workerd via Miniflare)`,
  );
  console.table(rows);
  await mf.dispose();
  await discord?.close();
}, 300_000);
