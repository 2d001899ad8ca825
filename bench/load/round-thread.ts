/**
 * The load generators' thread, both sides of it: the main thread starts it and asks for one round at a
 * time (generatorThread); the thread answers each with autocannon's figures (serveRounds,
 * autocannonRound). Shared by `bench:load` (generator.ts) and `bench:rest` (rest-generator.ts).
 */
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { parentPort, Worker } from "node:worker_threads";
import autocannon from "autocannon";
import { err, ok, type Result } from "../../src/shared/result";
import { percentile } from "../stats";

/** What a round measured. */
export interface RoundFigures {
  requests: number;
  /** Requests per second over the round. */
  rps: number;
  /** Latency percentiles in milliseconds, to the microsecond (see `autocannonRound`). */
  p50: number;
  p99: number;
  /** Every answer's time (ms, ascending), so that a run's rounds can be pooled (report.ts). */
  latencies: number[];
  /** Transport errors, timeouts and answers that failed the round's check. */
  errors: number;
  /** The first wrong answer, to say what failed. */
  firstFailure?: string;
}

/** How long a round lasts and how many calls it keeps in flight. */
export interface RoundLoad {
  connections: number;
  seconds: number;
  /** A fixed number of requests instead of a duration (smoke runs). */
  amount?: number;
}

/** The command-line options both load benchmarks take: --seconds, --rounds, --connections. */
export const ROUND_OPTIONS = {
  seconds: { type: "string", default: "3" },
  rounds: { type: "string", default: "3" },
  connections: { type: "string", default: "10" },
} as const;

/** The generator is TypeScript: its thread loads tsx, whether or not this process was started with it (vitest). */
export function generatorExecArgv(): string[] {
  return process.execArgv.includes("tsx") ? process.execArgv : [...process.execArgv, "--import", "tsx"];
}

/** Starts the generator `script` in its own thread; rounds run there one at a time. */
export function generatorThread<Request, Figures>(script: URL) {
  const worker = new Worker(script, { execArgv: generatorExecArgv() });
  return {
    round(request: Request): Promise<Figures> {
      return new Promise((resolve, reject) => {
        worker.once("message", (reply: Result<Figures, string>) =>
          reply.ok ? resolve(reply.value) : reject(new Error(reply.error)),
        );
        worker.postMessage(request);
      });
    },
    stop: () => worker.terminate(),
  };
}

/** In the generator thread: answers each round request with its result, or the error. */
export function serveRounds<Request, Figures>(run: (request: Request) => Promise<Figures>): void {
  parentPort?.on("message", (request: Request) => {
    run(request).then(
      (figures) => parentPort?.postMessage(ok(figures) satisfies Result<Figures, string>),
      (error: unknown) => parentPort?.postMessage(err(String(error)) satisfies Result<Figures, string>),
    );
  });
}

/** What autocannon hands back with `skipAggregateResult`: its raw counts (and encoded histograms, unread). */
interface RawResult {
  totalCompletedRequests: number;
  errors: number;
  timeouts: number;
  /** Seconds, to the hundredth. */
  duration: number;
}

/** What one autocannon run measured, before percentiles: slices of a round are pooled (`figuresOf`). */
export interface Slice {
  requests: number;
  /** Seconds the run lasted. */
  seconds: number;
  /** Each answer's time, in milliseconds to the microsecond. */
  latencies: number[];
  errors: number;
  firstFailure?: string;
}

let collectGarbage: (() => void) | undefined;
/**
 * A full collection in this thread before a measured run, so that the requests just signed for it
 * are moved out of the young generation now rather than during the run: copying them there paused
 * this thread, and so every answer in flight, for up to 87 ms at a time (--trace-gc).
 */
function settleHeap(): void {
  if (!collectGarbage) {
    setFlagsFromString("--expose-gc");
    collectGarbage = runInNewContext("gc") as () => void;
  }
  collectGarbage();
}

/**
 * One autocannon run against `origin`: `load.connections` copies of `request` in flight; an answer
 * `check` refuses counts as an error (non-2xx answers fail the check, so they are not counted twice).
 */
export async function autocannonSlice(
  origin: string,
  load: RoundLoad,
  request: Pick<autocannon.Request, "method" | "path" | "setupRequest">,
  check: (status: number, body: string) => boolean,
): Promise<Slice> {
  let wrong = 0;
  let firstFailure: string | undefined;
  const options: autocannon.Options = {
    url: origin,
    connections: load.connections,
    duration: load.seconds,
    ...(load.amount ? { amount: load.amount } : {}),
    // autocannon checks for the end of a run once per sample: every 100 ms rather than every second,
    // so a half-second slice lasts half a second.
    sampleInt: 100,
    timeout: 5,
    // Raw counts, which are all a slice needs: autocannon's aggregation decodes its histograms into
    // WebAssembly ones it never frees, and the generator's thread grew by about 100 MB per case and
    // round (2.3 GB over a run).
    skipAggregateResult: true,
    requests: [
      {
        ...request,
        onResponse: (status, body) => {
          if (check(status, body)) return;
          wrong += 1;
          firstFailure ??= `HTTP ${status}: ${body.slice(0, 300)}`;
        },
      },
    ],
  };
  // autocannon's own percentiles are whole milliseconds (its histogram's unit), so a p99 of 3.99 ms
  // reads 3 and one of 4.00 reads 4: at the floor's 3–4 ms that step alone is a 1.33× ratio. Each
  // answer's time comes with its "response" event to the microsecond; the percentiles are taken here.
  const latencies: number[] = [];
  settleHeap();
  const raw = await new Promise<RawResult>((resolve, reject) => {
    const instance = autocannon(options, (error, result) =>
      error ? reject(error) : resolve(result as unknown as RawResult),
    );
    instance.on("response", (_client, _status, _bytes, milliseconds) => latencies.push(milliseconds));
  });
  return {
    requests: raw.totalCompletedRequests,
    seconds: raw.duration || load.seconds,
    latencies,
    errors: raw.errors + raw.timeouts + wrong,
    ...(firstFailure ? { firstFailure } : {}),
  };
}

/** The figures of one or more slices taken together: their answers pooled, their durations added. */
export function figuresOf(slices: readonly Slice[]): RoundFigures {
  const latencies = slices.flatMap((slice) => slice.latencies).sort((a, b) => a - b);
  const requests = slices.reduce((sum, slice) => sum + slice.requests, 0);
  const seconds = slices.reduce((sum, slice) => sum + slice.seconds, 0);
  const firstFailure = slices.find((slice) => slice.firstFailure)?.firstFailure;
  return {
    requests,
    rps: requests / seconds,
    p50: toMicroseconds(percentile(latencies, 50)),
    p99: toMicroseconds(percentile(latencies, 99)),
    latencies,
    errors: slices.reduce((sum, slice) => sum + slice.errors, 0),
    ...(firstFailure ? { firstFailure } : {}),
  };
}

/** One autocannon run, as figures. */
export async function autocannonRound(...args: Parameters<typeof autocannonSlice>): Promise<RoundFigures> {
  return figuresOf([await autocannonSlice(...args)]);
}

/** Milliseconds kept to the microsecond: finer than that is the timer's noise. */
const toMicroseconds = (milliseconds: number) => Math.round(milliseconds * 1000) / 1000;
