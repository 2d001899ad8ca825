/**
 * `npm run bench:rest`: the local Supabase REST stand-in alone, under the load `/shop` and
 * `/ticket list` put on it (10 connections, a fresh ES256 token per request as Maxis signs one per
 * interaction), without the Workers: what it costs per call, and where (`--phases`: the time of each
 * SQL statement it sends, counted per request; `--profile`: a CPU profile of the stand-in's thread
 * during the measured rounds, written to .build/bench/rest-<case>.cpuprofile, heaviest functions printed).
 *
 *   npm run bench:rest -- [--seconds 3] [--rounds 3] [--connections 10] [--cases shop,ticket-list] [--phases] [--profile]
 */
import { randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { type CpuProfile, selfTimes } from "../../scripts/lib/cpu-profile";
import { generateSigningKey, newPublishableKey } from "../../scripts/lib/supabase-keys";
import { startLocalSupabase } from "../../scripts/local-supabase";
import { freePort } from "../../test/setup/ports";
import { ms } from "./report";
import { REST_CASES, type RestCase, type RestRoundRequest, type RestRoundResult } from "./rest-cases";
import { generatorThread, ROUND_OPTIONS } from "./round-thread";

/** Counts and times every statement the stand-in sends, per RPC. */
function tracePhases() {
  const byText = new Map<string, { n: number; ms: number }>();
  const original = pg.Client.prototype.query as (...args: unknown[]) => unknown;
  (pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown }).query = function (
    this: pg.Client,
    ...args: unknown[]
  ) {
    const first = args[0];
    const text = typeof first === "string" ? first : ((first as { text?: string })?.text ?? "?");
    const key = text.replace(/\s+/g, " ").trim().slice(0, 60);
    const started = performance.now();
    const result = original.apply(this, args);
    if (result instanceof Promise) {
      const done = () => {
        const entry = byText.get(key) ?? { n: 0, ms: 0 };
        entry.n += 1;
        entry.ms += performance.now() - started;
        byText.set(key, entry);
      };
      result.then(done, done);
    }
    return result;
  };
  return {
    reset: () => byText.clear(),
    report(requests: number) {
      const rows = [...byText].sort((a, b) => b[1].ms - a[1].ms);
      for (const [text, { n, ms }] of rows) {
        console.log(
          `${(n / requests).toFixed(2).padStart(6)} per call ${(ms / n).toFixed(2).padStart(7)} ms each  ${text}`,
        );
      }
      byText.clear();
    },
  };
}

/** The stand-in's thread (this one) under the inspector's sampling profiler. */
async function startProfile() {
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.setSamplingInterval", { interval: 100 });
  await session.post("Profiler.start");
  return {
    async stop(name: string, requests: number) {
      const { profile } = (await session.post("Profiler.stop")) as unknown as { profile: CpuProfile };
      session.disconnect();
      mkdirSync(".build/bench", { recursive: true });
      const file = `.build/bench/${name}.cpuprofile`;
      writeFileSync(file, JSON.stringify(profile));
      const times = selfTimes(profile).filter((t) => t.frame !== "(idle)");
      const busy = times.reduce((sum, t) => sum + t.ms, 0);
      console.log(`  ${busy.toFixed(0)} ms busy, ${(busy / requests).toFixed(3)} ms per call; ${file}`);
      for (const { frame, ms } of times.slice(0, 15)) {
        console.log(
          `  ${ms.toFixed(1).padStart(8)} ms ${((ms / busy) * 100).toFixed(1).padStart(5)} %  ${frame}`,
        );
      }
    },
  };
}

async function main() {
  const { values } = parseArgs({
    options: {
      ...ROUND_OPTIONS,
      cases: { type: "string", default: Object.keys(REST_CASES).join(",") },
      phases: { type: "boolean", default: false },
      profile: { type: "boolean", default: false },
    },
  });
  const cases = values.cases.split(",") as RestCase[];
  const phases = values.phases ? tracePhases() : null;
  const signingKey = await generateSigningKey();
  const publishableKey = newPublishableKey();
  const envPort = (name: string) => Number(process.env[name]) || undefined;
  const local = await startLocalSupabase({
    dataDir: join(tmpdir(), `shellia-maxis-rest-pg-${randomBytes(4).toString("hex")}`),
    pgPort: envPort("POSTGRES_PORT") ?? (await freePort()),
    restPort: envPort("SUPABASE_REST_PORT") ?? (await freePort()),
    signingKeys: [signingKey],
    publishableKey,
    persistent: false,
  });
  const generator = generatorThread<RestRoundRequest, RestRoundResult>(
    new URL("./rest-generator.ts", import.meta.url),
  );
  const round = generator.round;
  try {
    const base = { url: local.restUrl, publishableKey, signingKey, connections: Number(values.connections) };
    for (const name of cases) await round({ ...base, name, seconds: 1 });
    phases?.reset();
    for (let r = 0; r < Number(values.rounds); r++) {
      for (const name of cases) {
        const profiler = values.profile ? await startProfile() : null;
        const result = await round({ ...base, name, seconds: Number(values.seconds) });
        if (profiler) await profiler.stop(`rest-${name}`, result.requests);
        console.log(
          `round ${r + 1} ${name}: ${Math.round(result.rps)} req/s, p50 ${ms(result.p50)} ms, p99 ${ms(result.p99)} ms, ${result.errors} errors${result.firstFailure ? ` (${result.firstFailure})` : ""}`,
        );
        phases?.report(result.requests);
      }
    }
  } finally {
    await generator.stop();
    await local.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
