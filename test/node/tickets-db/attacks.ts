/**
 * The isolation tests' attack run: every attacker tries every statement on the tables and every
 * function call, each in its own transaction as PostgREST would run it. What a function returns
 * counts as one row handed back (its `rowCount` stays 0: only table statements change rows).
 */
import { type Caller, callAs, type Outcome, runAs } from "./db";

export interface Attempt {
  who: string;
  attempt: string;
  outcome: Outcome;
}

export async function attackAll(
  attackers: readonly (readonly [who: string, caller: Caller])[],
  tableAttacks: (caller: Caller) => [attempt: string, sql: string][],
  functionAttacks: (caller: Caller) => [fn: string, args: Record<string, unknown>][],
): Promise<Attempt[]> {
  const results: Attempt[] = [];
  for (const [who, caller] of attackers) {
    for (const [attempt, sql] of tableAttacks(caller)) {
      results.push({ who, attempt, outcome: await runAs(caller, sql) });
    }
    for (const [fn, args] of functionAttacks(caller)) {
      const { data, error } = await callAs(caller, fn, args);
      const rows = data === null ? [] : [{ result: data }];
      results.push({ who, attempt: `${fn}(${JSON.stringify(args)})`, outcome: { rows, rowCount: 0, error } });
    }
  }
  return results;
}

/** The attempts `leaked` judges a leak, as "who: attempt" lines (an empty list is the pass). */
export const leaksOf = (results: Attempt[], leaked: (attempt: Attempt) => boolean): string[] =>
  results.filter(leaked).map(({ who, attempt }) => `${who}: ${attempt}`);

/** Whether every attempt of `who` was refused outright, for lack of privilege (42501). */
export const allDenied = (results: Attempt[], who: string): boolean =>
  results.filter((result) => result.who === who).every(({ outcome }) => outcome.error?.code === "42501");
