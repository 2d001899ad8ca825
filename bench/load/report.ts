/**
 * Pure: turns the rounds of a load run into the printed table and the verdict against issue 18's
 * targets. Per case and side: req/s is the median of the rounds, and its ratio to the floor the median
 * of the per-round ratios (each round's subject ran beside that round's floor); p50 and p99 are taken
 * over every answer of every round, pooled, and the p99 ratio is the subject's pooled p99 over the
 * floor's. A round is 2 × 10 half-second slices: its own p99 rests on its few slowest answers, so one
 * stall decides it, where the pooled p99 rests on all rounds alike.
 */
import { median, percentile } from "../stats";
import { CASE_LABELS, type CaseName } from "./cases";
import type { RoundResult } from "./generator";

export interface CaseSummary {
  name: CaseName;
  rounds: number;
  subject: { rps: number; p50: number; p99: number; errors: number };
  floor: { rps: number; p50: number; p99: number; errors: number };
  /** Subject's req/s over the floor's, median of the per-round ratios (the rounds alternate). */
  rpsRatio: number;
  /** Subject's p99 over the floor's, both over all their rounds' answers. */
  p99Ratio: number;
}

export function summarize(results: RoundResult[]): CaseSummary[] {
  const names = [...new Set(results.map((r) => r.name))];
  return names.map((name) => {
    const of = (side: RoundResult["side"]) => results.filter((r) => r.name === name && r.side === side);
    const subject = of("subject");
    const floor = of("floor");
    const side = (rows: RoundResult[]) => {
      const pooled = rows.flatMap((r) => r.latencies).sort((a, b) => a - b);
      return {
        rps: median(rows.map((r) => r.rps)),
        p50: percentile(pooled, 50),
        p99: percentile(pooled, 99),
        errors: rows.reduce((sum, r) => sum + r.errors, 0),
      };
    };
    // Round i of the subject ran next to round i of the floor: compare them pairwise.
    const pairs = subject.map((s, i) => [s, floor[i]] as const).filter(([, f]) => f !== undefined);
    const subjectSide = side(subject);
    const floorSide = side(floor);
    return {
      name,
      rounds: subject.length,
      subject: subjectSide,
      floor: floorSide,
      rpsRatio: median(pairs.map(([s, f]) => s.rps / (f?.rps ?? Number.NaN))),
      p99Ratio: subjectSide.p99 / floorSide.p99,
    };
  });
}

/** Issue 18's targets, per case; undefined where none is set. */
export function targetMissed(summary: CaseSummary): string | undefined {
  switch (summary.name) {
    case "ping":
    case "no-io": {
      const missed: string[] = [];
      if (summary.rpsRatio < 0.95) missed.push(`req/s ${summary.rpsRatio.toFixed(2)}× floor < 0.95×`);
      if (summary.p99Ratio > 1.2) missed.push(`p99 ${summary.p99Ratio.toFixed(2)}× floor > 1.2×`);
      return missed.length ? missed.join(", ") : undefined;
    }
    case "shop":
    case "ticket-list":
      return summary.subject.p99 >= 50 ? `p99 ${ms(summary.subject.p99)} ms ≥ 50 ms` : undefined;
    default:
      return undefined;
  }
}

const TARGETS: Partial<Record<CaseName, string>> = {
  ping: "≥ 0.95× req/s, p99 ≤ 1.2×",
  "no-io": "≥ 0.95× req/s, p99 ≤ 1.2×",
  shop: "p99 < 50 ms",
  "ticket-list": "p99 < 50 ms",
};

/** The table as Markdown, the form README's performance section takes. */
export function markdownTable(summaries: CaseSummary[]): string {
  const header =
    "| case | req/s | p50 ms | p99 ms | errors | floor req/s | floor p99 ms | ratio req/s | ratio p99 | target |";
  const rule = "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |";
  const rows = summaries.map((s) => {
    const target = TARGETS[s.name];
    const verdict = target ? `${target}: ${targetMissed(s) ? "**missed**" : "met"}` : "";
    return `| ${CASE_LABELS[s.name]} | ${Math.round(s.subject.rps)} | ${ms(s.subject.p50)} | ${ms(s.subject.p99)} | ${s.subject.errors} | ${Math.round(s.floor.rps)} | ${ms(s.floor.p99)} | ${s.rpsRatio.toFixed(2)} | ${s.p99Ratio.toFixed(2)} | ${verdict} |`;
  });
  return [header, rule, ...rows].join("\n");
}

/** A latency in milliseconds as printed: two decimals, since the rounds measure to the microsecond. */
export const ms = (milliseconds: number) => milliseconds.toFixed(2);
