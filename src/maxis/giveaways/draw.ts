/**
 * The giveaway draw: weighted sampling without replacement, as if every entrant put `weight` tickets
 * in a hat and each winner's tickets left the hat once they were drawn. Randomness comes from
 * `crypto.getRandomValues`, turned into an integer in a range by rejection sampling, so no
 * outcome is favoured by a modulo bias.
 */

/** 32 random bits; injectable so tests can script the rejection path. */
export type RandomUint32 = () => number;

const TWO_POW_32 = 2 ** 32;

export function cryptoUint32(): RandomUint32 {
  // Drawing 1,024 values per call to getRandomValues keeps the draw fast over many winners.
  const pool = new Uint32Array(1024);
  let next = pool.length;
  return () => {
    if (next === pool.length) {
      crypto.getRandomValues(pool);
      next = 0;
    }
    return pool[next++] as number;
  };
}

/**
 * A uniform integer in [0, bound). Values of the last, incomplete block of `bound` (at most
 * bound − 1 of the 2³² values) are rejected and drawn again, so every result has the same chance.
 */
export function randomBelow(bound: number, random: RandomUint32): number {
  if (!Number.isInteger(bound) || bound < 1 || bound > TWO_POW_32) {
    throw new RangeError(`randomBelow: bound must be an integer in [1, 2^32], got ${bound}`);
  }
  const limit = TWO_POW_32 - (TWO_POW_32 % bound);
  for (;;) {
    const value = random();
    if (value < limit) return value % bound;
  }
}

export interface Entrant {
  userId: string;
  /** Tickets in the hat: a positive integer. */
  weight: number;
}

/**
 * Draws up to `count` distinct winners (fewer if there are fewer entrants), in draw order.
 * Entrants listed in `exclude` (earlier winners, for a reroll) cannot win.
 */
export function drawWinners(
  entrants: readonly Entrant[],
  count: number,
  random: RandomUint32 = cryptoUint32(),
  exclude: ReadonlySet<string> = new Set(),
): string[] {
  const weights = new Float64Array(entrants.length);
  let total = 0;
  entrants.forEach((entrant, index) => {
    if (!Number.isSafeInteger(entrant.weight) || entrant.weight < 1) {
      throw new RangeError(`drawWinners: weight of ${entrant.userId} must be a positive integer`);
    }
    if (exclude.has(entrant.userId)) return;
    weights[index] = entrant.weight;
    total += entrant.weight;
  });
  if (total > TWO_POW_32) throw new RangeError("drawWinners: more than 2^32 tickets");

  const winners: string[] = [];
  while (winners.length < count && total > 0) {
    let ticket = randomBelow(total, random);
    // Linear scan: with at most 20 winners this beats building a search tree over 100,000 entrants.
    let index = 0;
    for (; index < weights.length; index++) {
      const weight = weights[index] as number;
      if (ticket < weight) break;
      ticket -= weight;
    }
    const winner = entrants[index];
    if (!winner) throw new Error("drawWinners: ticket out of range");
    winners.push(winner.userId);
    total -= weights[index] as number;
    weights[index] = 0;
  }
  return winners;
}
