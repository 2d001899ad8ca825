/**
 * The load generator, in a worker thread of its own so that reading answers never waits behind the
 * stand-ins (Supabase REST, Discord) that share the main thread's event loop. autocannon keeps
 * `connections` requests in flight for `seconds`; every answer is checked.
 *
 * Requests are signed ahead: before a round is measured, the thread signs a pool of them (each with a
 * fresh timestamp and its own interaction id, as Discord sends them), so the measured window spends
 * the shared cores on the Workers rather than on Ed25519 signing in Node. Floor and subject alike.
 * The pool holds twice the fastest rate so far of the same case and side, and never less than
 * MIN_RATE's worth (a warm-up on a busy machine says little); should a round outrun it all the same,
 * the rest is signed as it goes and the round says how many (`signedLive`).
 */
import { type BuiltRequest, type CaseName, type CaseSettings, floorCase, loadCase } from "./cases";
import { autocannonRound, type RoundFigures, type RoundLoad, serveRounds } from "./round-thread";

export interface RoundRequest extends RoundLoad {
  name: CaseName;
  side: "floor" | "subject";
  settings: CaseSettings;
}

export interface RoundResult extends RoundFigures {
  name: CaseName;
  side: "floor" | "subject";
  /** Requests signed during the measured window because the pool ran out (0 when it did not). */
  signedLive: number;
}

/** `prepare` signs a round's requests (not measured); `run` measures the round on them. */
export type GeneratorMessage = { kind: "prepare" | "run"; request: RoundRequest };

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

function prepare(request: RoundRequest): number {
  const size =
    request.amount ??
    Math.ceil(Math.max(MIN_RATE, (rates.get(keyOf(request)) ?? 0) * HEADROOM) * request.seconds) +
      request.connections;
  const { next } = caseOf(request);
  const pool = Array.from({ length: size }, next);
  pools.set(keyOf(request), pool);
  return size;
}

async function run(request: RoundRequest): Promise<RoundResult> {
  const subject = caseOf(request);
  if (!pools.has(keyOf(request))) prepare(request);
  const pool = pools.get(keyOf(request)) ?? [];
  pools.delete(keyOf(request));
  let taken = 0;
  let signedLive = 0;
  const nextRequest = (): BuiltRequest => {
    const ready = pool[taken];
    if (ready) {
      taken += 1;
      return ready;
    }
    signedLive += 1;
    return subject.next();
  };
  const url = new URL(subject.url);
  const figures = await autocannonRound(
    url.origin,
    request,
    { method: subject.method, path: url.pathname, setupRequest: (req) => ({ ...req, ...nextRequest() }) },
    (status, body) => subject.check(status, body),
  );
  rates.set(keyOf(request), Math.max(figures.rps, rates.get(keyOf(request)) ?? 0));
  return { name: request.name, side: request.side, signedLive, ...figures };
}

serveRounds(async (message: GeneratorMessage) =>
  message.kind === "prepare" ? prepare(message.request) : run(message.request),
);
