/** How bench:load measures a slice, turns slices into a round's figures, and rounds into a run's (no Worker runs here). */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { getHeapStatistics } from "node:v8";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RoundResult } from "../../../bench/load/generator";
import { summarize } from "../../../bench/load/report";
import { autocannonSlice, figuresOf } from "../../../bench/load/round-thread";

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

describe("a slice against a real server", () => {
  let server: Server;
  let origin = "";
  beforeAll(async () => {
    server = createServer((req, res) => res.end(req.url === "/wrong" ? "no" : "ok"));
    await new Promise<void>((ready) => server.listen(0, "127.0.0.1", ready));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((done) => server.close(() => done())));

  const slice = (path: string) =>
    autocannonSlice(origin, { connections: 2, seconds: 0.1 }, { method: "GET", path }, (status, body) => {
      return status === 200 && body === "ok";
    });

  it("counts every answer once, and an answer its check refuses as an error", async () => {
    const right = await slice("/");
    expect(right.requests).toBeGreaterThan(0);
    expect(right.latencies).toHaveLength(right.requests);
    expect(right.errors).toBe(0);
    const wrong = await slice("/wrong");
    expect(wrong.errors).toBe(wrong.requests);
    expect(wrong.firstFailure).toBe("HTTP 200: no");
  });

  it("leaves the thread's memory as it found it, slice after slice", async () => {
    // A full run is thousands of slices. autocannon's own aggregation kept megabytes of WebAssembly
    // histograms per slice, and the generator's thread reached 2.3 GB.
    await slice("/");
    const before = getHeapStatistics().external_memory;
    for (let i = 0; i < 15; i++) await slice("/");
    expect(getHeapStatistics().external_memory - before).toBeLessThan(16 * 2 ** 20);
  });
});
