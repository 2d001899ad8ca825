/**
 * `BENCH_SMOKE=1` (set by `npm test`): every benchmark runs once, on small data, so a benchmark that
 * no longer builds, starts or answers fails the test run instead of rotting until someone measures.
 * The figures of a smoke run mean nothing.
 */
import type { BenchOptions } from "vitest";

export const SMOKE = process.env["BENCH_SMOKE"] === "1";

/** The benchmark's own options, or a single iteration without warm-up in a smoke run. */
export function benchOptions(options: BenchOptions = {}): BenchOptions {
  return SMOKE ? { iterations: 1, time: 0, warmupIterations: 0, warmupTime: 0 } : options;
}

/** A size for the real run, and a small one for the smoke run. */
export const scaled = (real: number, smoke: number): number => (SMOKE ? smoke : real);
