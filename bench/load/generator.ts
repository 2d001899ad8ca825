/**
 * The load generator, in a worker thread of its own so that signing requests and reading answers
 * never wait behind the stand-ins (Supabase REST, Discord) that share the main thread's event loop.
 * autocannon keeps `connections` requests in flight for `seconds`; every answer is checked.
 */
import { parentPort } from "node:worker_threads";
import autocannon from "autocannon";
import { type CaseName, type CaseSettings, floorCase, type LoadCase, loadCase } from "./cases";

export interface RoundRequest {
  name: CaseName;
  side: "floor" | "subject";
  settings: CaseSettings;
  connections: number;
  seconds: number;
  /** A fixed number of requests instead of a duration (smoke runs). */
  amount?: number;
}

export interface RoundResult {
  name: CaseName;
  side: "floor" | "subject";
  requests: number;
  /** Requests per second over the round. */
  rps: number;
  p50: number;
  p99: number;
  /** Transport errors, timeouts, non-2xx answers and answers that failed the case's check. */
  errors: number;
  /** The first wrong answer, to say what failed. */
  firstFailure?: string;
}

interface AggregateResult {
  aggregateResult(results: unknown[], options: autocannon.Options): autocannon.Result;
}

async function runRound(request: RoundRequest): Promise<RoundResult> {
  const subject: LoadCase = (request.side === "floor" ? floorCase : loadCase)(request.name, request.settings);
  let wrong = 0;
  let firstFailure: string | undefined;
  const url = new URL(subject.url);
  const options: autocannon.Options = {
    url: url.origin,
    connections: request.connections,
    duration: request.seconds,
    ...(request.amount ? { amount: request.amount } : {}),
    timeout: 5,
    requests: [
      {
        method: subject.method,
        path: url.pathname,
        setupRequest: (req) => ({ ...req, ...subject.next() }),
        onResponse: (status, body) => {
          if (subject.check(status, body)) return;
          wrong += 1;
          firstFailure ??= `HTTP ${status}: ${body.slice(0, 300)}`;
        },
      },
    ],
  };
  // Off the main thread autocannon hands back its raw histograms, to be aggregated by the caller.
  const raw = (await autocannon(options)) as unknown as { duration: number };
  const result = (autocannon as unknown as AggregateResult).aggregateResult([raw], options);
  return {
    name: request.name,
    side: request.side,
    requests: result.requests.total,
    rps: result.requests.total / (raw.duration || request.seconds),
    p50: result.latency.p50,
    p99: result.latency.p99,
    // Non-2xx answers already fail the check; counting both would count them twice.
    errors: result.errors + result.timeouts + wrong,
    ...(firstFailure ? { firstFailure } : {}),
  };
}

parentPort?.on("message", (request: RoundRequest) => {
  runRound(request).then(
    (result) => parentPort?.postMessage({ ok: true, result }),
    (error: unknown) => parentPort?.postMessage({ ok: false, error: String(error) }),
  );
});
