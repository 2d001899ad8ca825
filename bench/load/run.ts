/**
 * `npm run bench:load`: the interaction hot path end to end, in workerd, against the floor.
 *
 * Builds Shellia, Maxis and the floor Worker with wrangler and runs them side by side (./stack.ts);
 * then, round after round, loads each case and its floor counterpart in turn, in short slices of
 * alternating order (ABBA…), so that noise on the machine hits both alike; prints, per case and side,
 * the median req/s of the rounds, p50 and p99 over all the rounds' answers, and the ratios to the
 * floor (report.ts). Any failed request (transport error, timeout, non-2xx, or an answer that is not
 * the case's right answer) fails the run.
 *
 *   npm run bench:load -- [--seconds 3] [--rounds 3] [--slice 0.5] [--warmup 5] [--lead-in 1] [--connections 10] [--cases ping,shop]
 */
import { createRequire } from "node:module";
import { cpus, loadavg, release, totalmem } from "node:os";
import { parseArgs } from "node:util";
import { LOCAL_CHANNEL_ID } from "../../scripts/lib/local-identities";
import type { CallOutcome } from "../../src/shellia/control-client";
import { CASE_LABELS, type CaseName } from "./cases";
import type { GeneratorMessage, PairRequest, RoundRequest, RoundResult } from "./generator";
import { type CaseSummary, markdownTable, ms, summarize, targetMissed } from "./report";
import { ROUND_OPTIONS, generatorThread as startGeneratorThread } from "./round-thread";
import { caseSettings, type LoadStack, type SupabaseEndpoint, startLoadStack } from "./stack";

export const ALL_CASES = Object.keys(CASE_LABELS) as CaseName[];

export interface LoadOptions {
  cases: CaseName[];
  rounds: number;
  seconds: number;
  connections: number;
  /** Each round alternates the case and its floor in slices this long (seconds; 0.5 if unset). */
  sliceSeconds?: number;
  /** Seconds of each case and its floor run before the rounds, not counted (5 if unset). */
  warmupSeconds?: number;
  /** Seconds of each case and its floor run again at the start of every round, not counted (1 if unset). */
  leadInSeconds?: number;
  /** Reuse a running Supabase stand-in (the test run's) instead of starting one. */
  supabase?: SupabaseEndpoint;
  /** Smoke runs: this many requests per round instead of `seconds`, and no warm-up. */
  requestsPerRound?: number;
  /** Ports from SHELLIA_PORT, MAXIS_PORT… (the CLI); free ones otherwise. */
  envPorts?: boolean;
  log?: (line: string) => void;
}

export interface LoadRun {
  summaries: CaseSummary[];
  failures: string[];
  table: string;
}

/** Runs rounds in the generator thread, one at a time. */
export function generatorThread() {
  const thread = startGeneratorThread<GeneratorMessage, RoundResult[] | RoundResult | number>(
    new URL("./generator.ts", import.meta.url),
  );
  return {
    /** Signs the round's requests ahead, outside any measured window; resolves to how many. */
    prepare: (request: RoundRequest) => thread.round({ kind: "prepare", request }) as Promise<number>,
    /** Measures one round on the prepared requests (prepared first if they were not). */
    round: (request: RoundRequest) => thread.round({ kind: "run", request }) as Promise<RoundResult>,
    /** A case and its floor, in alternating slices; their results in the order they started. */
    pair: (request: PairRequest) => thread.round({ kind: "pair", request }) as Promise<RoundResult[]>,
    /** prepare, then round. */
    async measure(request: RoundRequest): Promise<RoundResult> {
      await this.prepare(request);
      return this.round(request);
    },
    stop: thread.stop,
  };
}

/** One running giveaway, created as an operator would (a control call), for the button case. */
async function startGiveaway(stack: LoadStack): Promise<string> {
  const res = await fetch(`${stack.urls.controlCaller}/giveaway?channel=${LOCAL_CHANNEL_ID}`);
  const outcome = (await res.json()) as CallOutcome<"giveaway">;
  if (!outcome.ok) throw new Error(`could not start the giveaway: ${JSON.stringify(outcome.error)}`);
  return outcome.value.result.id;
}

export async function runLoadBench(options: LoadOptions): Promise<LoadRun> {
  const log = options.log ?? console.log;
  const stack = await startLoadStack({
    ...(options.supabase ? { supabase: options.supabase } : {}),
    envPorts: options.envPorts ?? false,
  });
  const generator = generatorThread();
  try {
    const settings = caseSettings(stack, options.cases.includes("button") ? await startGiveaway(stack) : "");
    const amount = options.requestsPerRound;
    const pair = (name: CaseName, first: PairRequest["first"], seconds: number) =>
      generator.pair({
        name,
        settings,
        first,
        connections: options.connections,
        seconds,
        slices: amount ? 1 : Math.max(1, Math.round(seconds / (options.sliceSeconds ?? 0.5))),
        ...(amount ? { amount } : {}),
      });

    // Warm-up, not counted: compiles the hot code, opens the database pool, creates the objects. One
    // second was too short: under /shop's load, workerd's and the stand-in's CPU per request kept
    // falling for about ten seconds (450–650 req/s in the first seconds, 800–1,000 after).
    for (const name of amount ? [] : options.cases) await pair(name, "floor", options.warmupSeconds ?? 5);

    // Each round's lead-in, not counted either: the other cases run for about a minute between two
    // rounds of one case, long enough for the stand-in's pool to close its idle PostgreSQL sessions
    // (as PostgREST does after 30 s), and the first ten calls on new sessions took 300–420 ms. That
    // is a cold start, measured on its own in README; the rounds measure the path under steady load.
    const leadIn = amount ? 0 : (options.leadInSeconds ?? 1);
    const results: RoundResult[] = [];
    for (let r = 0; r < options.rounds; r++) {
      for (const name of options.cases) {
        const first = r % 2 ? "subject" : "floor";
        if (leadIn > 0) await pair(name, first, leadIn);
        for (const result of await pair(name, first, options.seconds)) {
          results.push(result);
          const live = result.signedLive
            ? ` (${result.signedLive} signed during the round: pool ran out)`
            : "";
          log(
            `round ${r + 1}/${options.rounds} ${CASE_LABELS[name]} [${result.side}]: ${Math.round(result.rps)} req/s, p50 ${ms(result.p50)} ms, p99 ${ms(result.p99)} ms, ${result.errors} errors${live}`,
          );
        }
      }
    }

    const summaries = summarize(results);
    const failures = results
      .filter((r) => r.errors > 0)
      .map(
        (r) =>
          `${CASE_LABELS[r.name]} [${r.side}]: ${r.errors} failed requests; first: ${r.firstFailure ?? "transport error"}`,
      );
    return { summaries, failures, table: markdownTable(summaries) };
  } finally {
    await generator.stop();
    await stack.stop();
  }
}

const loadAverage = () =>
  loadavg()
    .map((n) => n.toFixed(2))
    .join(" / ");

function machine(): string {
  const cpu = cpus()[0]?.model.trim() ?? "unknown CPU";
  const miniflare = (createRequire(import.meta.url)("miniflare/package.json") as { version: string }).version;
  return `${cpus().length} × ${cpu}, ${Math.round(totalmem() / 2 ** 30)} GiB, Linux ${release()}, Node ${process.versions.node}, workerd from miniflare ${miniflare}`;
}

async function main() {
  const { values } = parseArgs({
    options: {
      ...ROUND_OPTIONS,
      cases: { type: "string", default: ALL_CASES.join(",") },
      slice: { type: "string", default: "0.5" },
      warmup: { type: "string", default: "5" },
      "lead-in": { type: "string", default: "1" },
    },
  });
  const cases = values.cases.split(",").map((name) => name.trim()) as CaseName[];
  const unknown = cases.filter((name) => !ALL_CASES.includes(name));
  if (unknown.length)
    throw new Error(`unknown cases: ${unknown.join(", ")} (known: ${ALL_CASES.join(", ")})`);
  const options = {
    cases,
    rounds: Number(values.rounds),
    seconds: Number(values.seconds),
    connections: Number(values.connections),
    sliceSeconds: Number(values.slice),
    warmupSeconds: Number(values.warmup),
    leadInSeconds: Number(values["lead-in"]),
    envPorts: true,
  };
  console.log(
    `Load: ${options.connections} connections, ${options.rounds} rounds of ${options.seconds} s per case and side, each case alternating with its floor in slices of ${options.sliceSeconds} s after a ${options.leadInSeconds} s lead-in not counted (floor = discord-interactions verifyKey + PONG); requests signed before each slice.`,
  );
  const loadBefore = loadAverage();
  const run = await runLoadBench(options);
  console.log(`\n${run.table}\n`);
  // What README's performance section says beside the table.
  console.log(`Machine: ${machine()}; load average ${loadBefore} before the run, ${loadAverage()} after.`);
  for (const summary of run.summaries) {
    const missed = targetMissed(summary);
    if (missed) console.log(`target missed: ${CASE_LABELS[summary.name]}: ${missed}`);
  }
  if (run.failures.length) {
    console.error(
      `\nFAILED: ${run.failures.length} round(s) with failed requests:\n  ${run.failures.join("\n  ")}`,
    );
    process.exitCode = 1;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
