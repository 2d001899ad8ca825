/**
 * The load generator, in a worker thread of its own so that signing requests and reading answers
 * never wait behind the stand-ins (Supabase REST, Discord) that share the main thread's event loop.
 * autocannon keeps `connections` requests in flight for `seconds`; every answer is checked.
 */
import { type CaseName, type CaseSettings, floorCase, type LoadCase, loadCase } from "./cases";
import { autocannonRound, type RoundFigures, type RoundLoad, serveRounds } from "./round-thread";

export interface RoundRequest extends RoundLoad {
  name: CaseName;
  side: "floor" | "subject";
  settings: CaseSettings;
}

export interface RoundResult extends RoundFigures {
  name: CaseName;
  side: "floor" | "subject";
}

async function runRound(request: RoundRequest): Promise<RoundResult> {
  const subject: LoadCase = (request.side === "floor" ? floorCase : loadCase)(request.name, request.settings);
  const url = new URL(subject.url);
  const figures = await autocannonRound(
    url.origin,
    request,
    {
      method: subject.method,
      path: url.pathname,
      setupRequest: (req) => ({ ...req, ...subject.next() }),
    },
    (status, body) => subject.check(status, body),
  );
  return { name: request.name, side: request.side, ...figures };
}

serveRounds(runRound);
