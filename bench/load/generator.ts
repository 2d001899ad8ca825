/**
 * The load generator, in a worker thread of its own so that reading answers never waits behind the
 * stand-ins (Supabase REST, Discord) that share the main thread's event loop. autocannon keeps
 * `connections` requests in flight for `seconds`; every answer is checked.
 *
 * Requests are signed ahead: before each run is measured (each slice of a round), the thread signs a
 * pool of them (each with a fresh timestamp and its own interaction id, as Discord sends them), so the
 * measured window spends the shared cores on the Workers rather than on Ed25519 signing in Node. Floor
 * and subject alike. The pool holds twice the fastest rate so far of the same case and side, and never
 * less than MIN_RATE's worth (a warm-up on a busy machine says little); should a run outrun it all the
 * same, the rest is signed as it goes and the round says how many (`signedLive`).
 */
import { type BuiltRequest, type CaseName, type CaseSettings, floorCase, loadCase } from "./cases";
import {
  autocannonSlice,
  figuresOf,
  type RoundFigures,
  type RoundLoad,
  type Slice,
  serveRounds,
} from "./round-thread";

type Side = "floor" | "subject";

export interface RoundRequest extends RoundLoad {
  name: CaseName;
  side: Side;
  settings: CaseSettings;
}

/**
 * A case and its floor measured together: `seconds` each, cut into `slices` runs that alternate
 * between the two sides (first, second, second, first…), so whatever else the machine does during
 * the round falls on both alike; each side's answers are pooled for its percentiles.
 */
export interface PairRequest extends RoundLoad {
  name: CaseName;
  settings: CaseSettings;
  slices: number;
  first: Side;
}

export interface RoundResult extends RoundFigures {
  name: CaseName;
  side: Side;
  /** Requests signed during the measured window because the pool ran out (0 when it did not). */
  signedLive: number;
}

/** `prepare` signs a round's requests (not measured); `run` measures the round on them; `pair` measures a case against its floor. */
export type GeneratorMessage =
  | { kind: "prepare" | "run"; request: RoundRequest }
  | { kind: "pair"; request: PairRequest };

/** The least rate a pool is sized for: above what any case reaches on the 2-core machine. */
const MIN_RATE = 4_000;
/** Headroom over the fastest round's rate: on a shared machine one round may run twice as fast as another. */
const HEADROOM = 2;

const keyOf = (request: RoundRequest) => `${request.name}/${request.side}`;
/** The fastest rate each case and side has reached. */
const rates = new Map<string, number>();
const pools = new Map<string, BuiltRequest[]>();

const caseOf = (request: RoundRequest) =>
  (request.side === "floor" ? floorCase : loadCase)(request.name, request.settings);

/** How many requests a run of `load` may take: twice the fastest rate so far, never below MIN_RATE. */
function poolSize(request: RoundRequest, load: RoundLoad): number {
  return (
    load.amount ??
    Math.ceil(Math.max(MIN_RATE, (rates.get(keyOf(request)) ?? 0) * HEADROOM) * load.seconds) +
      load.connections
  );
}

function prepare(request: RoundRequest): number {
  const { next } = caseOf(request);
  const pool = Array.from({ length: poolSize(request, request) }, next);
  pools.set(keyOf(request), pool);
  return pool.length;
}

/**
 * The signed requests of one case and side, run by run. A run takes the pool `prepare` signed for
 * it, or else signs its own just before it starts, outside its measured window. Signing each
 * half-second slice's share rather than a whole round's keeps this thread's heap small: with both
 * sides' pools of a five-second round held at once (some 80,000 requests, over 200 MB), its own
 * garbage collections paused it for up to 87 ms at a time, and every answer in flight waited.
 */
function feed(request: RoundRequest) {
  const subject = caseOf(request);
  let prepared = pools.get(keyOf(request));
  pools.delete(keyOf(request));
  let signedLive = 0;
  const url = new URL(subject.url);
  return {
    /** One measured run of `load` on signed requests. */
    slice: (load: RoundLoad): Promise<Slice> => {
      const pool = prepared ?? Array.from({ length: poolSize(request, load) }, subject.next);
      prepared = undefined;
      let taken = 0;
      return autocannonSlice(
        url.origin,
        load,
        {
          method: subject.method,
          path: url.pathname,
          setupRequest: (req) => {
            const ready = pool[taken];
            if (ready) taken += 1;
            else signedLive += 1;
            return { ...req, ...(ready ?? subject.next()) };
          },
        },
        (status, body) => subject.check(status, body),
      );
    },
    /** The round's figures from its slices; remembers the rate, to size the next pools. */
    result(slices: readonly Slice[]): RoundResult {
      const figures = figuresOf(slices);
      rates.set(keyOf(request), Math.max(figures.rps, rates.get(keyOf(request)) ?? 0));
      return { name: request.name, side: request.side, signedLive, ...figures };
    },
  };
}

async function run(request: RoundRequest): Promise<RoundResult> {
  const side = feed(request);
  return side.result([await side.slice(request)]);
}

async function pair(request: PairRequest): Promise<RoundResult[]> {
  const order: Side[] = request.first === "floor" ? ["floor", "subject"] : ["subject", "floor"];
  const sides = order.map((side) => ({ side, feed: feed({ ...request, side }), slices: [] as Slice[] }));
  const sliceLoad: RoundLoad = {
    connections: request.connections,
    seconds: request.seconds / request.slices,
    ...(request.amount ? { amount: Math.max(1, Math.floor(request.amount / request.slices)) } : {}),
  };
  for (let i = 0; i < request.slices; i++) {
    for (const side of i % 2 ? [...sides].reverse() : sides)
      side.slices.push(await side.feed.slice(sliceLoad));
  }
  return sides.map((side) => side.feed.result(side.slices));
}

serveRounds(async (message: GeneratorMessage) => {
  switch (message.kind) {
    case "prepare":
      return prepare(message.request);
    case "run":
      return run(message.request);
    case "pair":
      return pair(message.request);
  }
});
