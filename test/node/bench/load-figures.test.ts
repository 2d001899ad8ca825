/** How bench:load turns slices into a round's figures, and rounds into a run's (pure: no Worker runs here). */
import { describe, expect, it } from "vitest";
import type { RoundResult } from "../../../bench/load/generator";
import { summarize } from "../../../bench/load/report";
import { figuresOf } from "../../../bench/load/round-thread";

describe("a round's figures from its slices", () => {
  it("pools every answer of the round for the percentiles, to the microsecond", () => {
    // One slow slice among fast ones: its answers count as the round's tail, not as an average of p99s.
    const fast = {
      requests: 99,
      seconds: 0.5,
      latencies: Array.from({ length: 99 }, () => 1.2345),
      errors: 0,
    };
    const slow = { requests: 4, seconds: 0.5, latencies: [12, 9.87654, 9.5, 9.6], errors: 0 };
    const figures = figuresOf([fast, fast, slow]);
    expect(figures.p50).toBe(1.235);
    // 202 answers: the 200th fastest is the second slow one.
    expect(figures.p99).toBe(9.6);
    expect(figures.requests).toBe(202);
    expect(figures.rps).toBeCloseTo(202 / 1.5);
  });

  it("adds the slices' errors and keeps the first failure seen", () => {
    const figures = figuresOf([
      { requests: 3, seconds: 1, latencies: [1, 2, 3], errors: 0 },
      { requests: 3, seconds: 1, latencies: [1, 2, 3], errors: 2, firstFailure: "HTTP 500: boom" },
      { requests: 3, seconds: 1, latencies: [1, 2, 3], errors: 1, firstFailure: "HTTP 401: later" },
    ]);
    expect(figures.errors).toBe(3);
    expect(figures.firstFailure).toBe("HTTP 500: boom");
  });
});

describe("a run's summary from its rounds", () => {
  const round = (side: "subject" | "floor", rps: number, latencies: number[]): RoundResult => ({
    name: "no-io",
    side,
    signedLive: 0,
    ...figuresOf([{ requests: latencies.length, seconds: latencies.length / rps, latencies, errors: 0 }]),
  });
  const quiet = Array.from({ length: 100 }, () => 1);
  // Five answers held up 20 ms in one round of three: that round's own p99 is 20, the others' 1.
  const stalled = [...Array.from({ length: 95 }, () => 1), 20, 20, 20, 20, 20];

  it("takes p50 and p99 over every answer of every round, so a stall in one round still counts", () => {
    const [summary] = summarize([
      round("floor", 100, quiet),
      round("subject", 100, stalled),
      round("floor", 100, quiet),
      round("subject", 100, quiet),
      round("floor", 100, quiet),
      round("subject", 100, quiet),
    ]);
    // 300 answers, 5 of them slow: the 297th fastest is slow. A median of the rounds' p99s would say 1.
    expect(summary?.subject.p99).toBe(20);
    expect(summary?.subject.p50).toBe(1);
    expect(summary?.floor.p99).toBe(1);
    expect(summary?.p99Ratio).toBe(20);
  });

  it("compares req/s round by round and keeps the median of those ratios", () => {
    const [summary] = summarize([
      round("floor", 100, quiet),
      round("subject", 90, quiet),
      round("floor", 200, quiet),
      round("subject", 200, quiet),
      round("floor", 100, quiet),
      round("subject", 95, quiet),
    ]);
    expect(summary?.rpsRatio).toBeCloseTo(0.95);
    expect(summary?.subject.rps).toBeCloseTo(95);
  });
});
