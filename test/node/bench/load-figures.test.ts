/** How bench:load turns the slices of a round into its figures (pure: no Worker runs here). */
import { describe, expect, it } from "vitest";
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
