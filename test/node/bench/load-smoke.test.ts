/**
 * The load benchmark, once and small (a few requests per case and side, one round): it still
 * builds the Workers, starts them beside the floor, signs what it sends, and every answer is the
 * case's right answer. Its figures mean nothing; `npm run bench:load` measures.
 */
import { describe, expect, inject, it } from "vitest";
import { ALL_CASES, runLoadBench } from "../../../bench/load/run";

describe("npm run bench:load (smoke)", () => {
  it("drives every case and its floor with no failed request", async () => {
    const supabase = inject("supabase");
    const run = await runLoadBench({
      cases: ALL_CASES,
      rounds: 1,
      seconds: 1,
      requestsPerRound: 6,
      connections: 2,
      supabase: {
        restUrl: supabase.restUrl,
        publishableKey: supabase.publishableKey,
        signingKey: supabase.signingKey,
      },
      log: () => undefined,
    });
    expect(run.failures).toEqual([]);
    expect(run.summaries.map((summary) => summary.name)).toEqual(ALL_CASES);
    for (const summary of run.summaries) expect(summary.subject.rps).toBeGreaterThan(0);
    // Latencies are measured finer than autocannon's whole milliseconds, on both sides.
    const latencies = run.summaries.flatMap((s) => [s.subject.p50, s.subject.p99, s.floor.p50, s.floor.p99]);
    for (const latency of latencies) expect(latency).toBeGreaterThan(0);
    expect(latencies.filter((latency) => !Number.isInteger(latency)).length).toBeGreaterThan(0);
  }, 120_000);
});
