/**
 * The load generator of `npm run bench:rest`, in a thread of its own so it never waits behind the
 * stand-in it measures: autocannon with `connections` calls in flight, each with a token of its own
 * (as if every call came from another member: the stand-in's JWT cache, like PostgREST's, never hits).
 */
import { sign } from "hono/jwt";
import { MEMBER_CLAIMS, REST_CASES, type RestRoundRequest, type RestRoundResult } from "./rest-cases";
import { autocannonRound, serveRounds } from "./round-thread";

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
  const figures = await autocannonRound(
    request.url,
    request,
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
    },
    (status) => status === 200,
  );
  return { name: request.name, ...figures };
}

serveRounds(runRound);
