import { describe, expect, it } from "vitest";
import { cryptoUint32, drawWinners, type Entrant, randomBelow } from "./draw";

/** Pearson's chi-square statistic of observed counts against expected counts. */
function chiSquare(observed: readonly number[], expected: readonly number[]): number {
  return observed.reduce((sum, count, i) => {
    const e = expected[i] as number;
    return sum + (count - e) ** 2 / e;
  }, 0);
}

/** Critical values of the chi-square distribution at p = 0.001. */
const CRITICAL_P001: Record<number, number> = { 4: 18.467, 9: 27.877 };

const scripted = (values: number[]) => () => {
  const value = values.shift();
  if (value === undefined) throw new Error("script exhausted");
  return value;
};

const entrants = (weights: number[]): Entrant[] =>
  weights.map((weight, i) => ({ userId: `member-${i}`, weight }));

function frequencies(pool: Entrant[], draws: number): number[] {
  const random = cryptoUint32();
  const counts = new Map(pool.map((e) => [e.userId, 0]));
  for (let i = 0; i < draws; i++) {
    const [winner] = drawWinners(pool, 1, random);
    counts.set(winner as string, (counts.get(winner as string) ?? 0) + 1);
  }
  return pool.map((e) => counts.get(e.userId) ?? 0);
}

describe("randomBelow", () => {
  it("rejects the incomplete last block instead of folding it onto small numbers", () => {
    // 2^32 = 3 × 1,431,655,765 + 1: only the top value is outside a full block of 3.
    expect(randomBelow(3, scripted([0xffffffff, 0xfffffffe]))).toBe(0xfffffffe % 3);
    // For 10, 2^32 mod 10 = 6: the top six values are rejected.
    expect(randomBelow(10, scripted([0xffffffff, 0xfffffffa, 7]))).toBe(7);
    // The highest value of the last full block is still accepted.
    expect(randomBelow(10, scripted([0xfffffff9]))).toBe(9);
  });

  it("accepts every value when the bound divides 2^32", () => {
    expect(randomBelow(2 ** 32, scripted([0xffffffff]))).toBe(0xffffffff);
    expect(randomBelow(16, scripted([0xffffffff]))).toBe(15);
  });

  it("refuses bounds it cannot serve", () => {
    expect(() => randomBelow(0, cryptoUint32())).toThrow(RangeError);
    expect(() => randomBelow(2 ** 32 + 1, cryptoUint32())).toThrow(RangeError);
    expect(() => randomBelow(2.5, cryptoUint32())).toThrow(RangeError);
  });
});

/**
 * A fair draw fails a test at p = 0.001 once in a thousand runs by definition; one retry makes that
 * false alarm one in a million, while a biased draw still fails both tries.
 */
const statistical = { retry: 1 };

describe("drawWinners", () => {
  it("is uniform over 10 equal entrants (chi-square, 9 degrees of freedom, p = 0.001)", statistical, () => {
    const draws = 20_000;
    const observed = frequencies(entrants(Array(10).fill(1)), draws);
    const statistic = chiSquare(observed, Array(10).fill(draws / 10));
    expect(statistic).toBeLessThan(CRITICAL_P001[9] as number);
  });

  it("gives bonus entries their weight (chi-square against the weights)", statistical, () => {
    const weights = [1, 1, 2, 3, 5];
    const draws = 20_000;
    const total = weights.reduce((a, b) => a + b, 0);
    const observed = frequencies(entrants(weights), draws);
    const statistic = chiSquare(
      observed,
      weights.map((w) => (draws * w) / total),
    );
    expect(statistic).toBeLessThan(CRITICAL_P001[4] as number);
    // And the weight matters: the 5-ticket member wins about five times as often as a 1-ticket one.
    expect((observed[4] as number) / (observed[0] as number)).toBeGreaterThan(4);
  });

  it("maps tickets to entrants in order, each winner's tickets leaving the hat", () => {
    const pool = entrants([2, 3, 1]); // tickets: 0–1 → member-0, 2–4 → member-1, 5 → member-2
    expect(drawWinners(pool, 1, scripted([4]))).toEqual(["member-1"]);
    // After member-1 leaves, 3 tickets remain: 0–1 → member-0, 2 → member-2.
    expect(drawWinners(pool, 2, scripted([4, 2]))).toEqual(["member-1", "member-2"]);
  });

  it("draws distinct winners and stops when the hat is empty", () => {
    const pool = entrants([1, 1, 1]);
    const winners = drawWinners(pool, 20);
    expect(winners).toHaveLength(3);
    expect(new Set(winners).size).toBe(3);
    expect(drawWinners([], 3)).toEqual([]);
  });

  it("never picks an excluded entrant", () => {
    const pool = entrants([100, 100, 1]);
    for (let i = 0; i < 200; i++) {
      expect(drawWinners(pool, 1, undefined, new Set(["member-0", "member-1"]))).toEqual(["member-2"]);
    }
    expect(drawWinners(pool, 1, undefined, new Set(pool.map((e) => e.userId)))).toEqual([]);
  });

  it("refuses weights that are not positive integers", () => {
    expect(() => drawWinners(entrants([1, 0]), 1)).toThrow(RangeError);
    expect(() => drawWinners(entrants([1.5]), 1)).toThrow(RangeError);
  });
});
