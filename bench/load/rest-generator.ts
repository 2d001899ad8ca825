/**
 * The load generator of `npm run bench:rest`, in a thread of its own so it never waits behind the
 * stand-in it measures: autocannon with `connections` calls in flight, each with a token of its own
 * (as if every call came from another member: the stand-in's JWT cache, like PostgREST's, never hits).
 */
import { parentPort } from "node:worker_threads";
import autocannon from "autocannon";
import { sign } from "hono/jwt";
import { MEMBER_CLAIMS, REST_CASES, type RestRoundRequest, type RestRoundResult } from "./rest-cases";

interface AggregateResult {
  aggregateResult(results: unknown[], options: autocannon.Options): autocannon.Result;
}

/** Tokens signed ahead (signing in setupRequest would have to be synchronous), each used once per cycle. */
const TOKENS = 4_000;
let tokens: { key: string; list: string[] } | undefined;

async function signedTokens(signingKey: string): Promise<string[]> {
  if (tokens?.key === signingKey) return tokens.list;
  const jwk = JSON.parse(signingKey) as JsonWebKey;
  const now = Math.floor(Date.now() / 1000);
  const list = await Promise.all(
    Array.from({ length: TOKENS }, (_, i) =>
      sign({ ...MEMBER_CLAIMS, iss: "maxis", iat: now, exp: now + 3_600, jti: String(i) }, jwk, "ES256"),
    ),
  );
  tokens = { key: signingKey, list };
  return list;
}

async function runRound(request: RestRoundRequest): Promise<RestRoundResult> {
  const list = await signedTokens(request.signingKey);
  const { fn, body } = REST_CASES[request.name];
  let next = 0;
  let wrong = 0;
  let firstFailure: string | undefined;
  const options: autocannon.Options = {
    url: request.url,
    connections: request.connections,
    duration: request.seconds,
    ...(request.amount ? { amount: request.amount } : {}),
    timeout: 5,
    requests: [
      {
        method: "POST",
        path: `/rest/v1/rpc/${fn}`,
        setupRequest: (req) => ({
          ...req,
          body,
          headers: {
            "Content-Type": "application/json",
            apikey: request.publishableKey,
            Authorization: `Bearer ${list[next++ % list.length]}`,
          },
        }),
        onResponse: (status, text) => {
          if (status === 200) return;
          wrong += 1;
          firstFailure ??= `HTTP ${status}: ${text.slice(0, 300)}`;
        },
      },
    ],
  };
  const raw = (await autocannon(options)) as unknown as { duration: number };
  const result = (autocannon as unknown as AggregateResult).aggregateResult([raw], options);
  return {
    name: request.name,
    requests: result.requests.total,
    rps: result.requests.total / (raw.duration || request.seconds),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + wrong,
    ...(firstFailure ? { firstFailure } : {}),
  };
}

parentPort?.on("message", (request: RestRoundRequest) => {
  runRound(request).then(
    (result) => parentPort?.postMessage({ ok: true, result }),
    (error: unknown) => parentPort?.postMessage({ ok: false, error: String(error) }),
  );
});
