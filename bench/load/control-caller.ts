/**
 * Stands in for Shellia's deferred work in the load benchmark: each request to this Worker is one
 * control call made with Shellia's own client (`callMaxis`: signing, timeout, outcome sorting)
 * through a real service binding to the Maxis bundle. Answers with the outcome (a `Result`), 200 when
 * Maxis answered `ok`, 502 otherwise, so the load generator counts a refused or failing call as an error.
 * `/maxis status` in Shellia defers and makes exactly this call in `waitUntil`, out of reach of an
 * HTTP load generator; this Worker puts it on the request path.
 */
import type { ControlAction, ControlRequests } from "../../src/shared/control/protocol";
import { callMaxis, type MaxisTarget } from "../../src/shellia/control-client";

interface CallerEnv {
  MAXIS: { fetch(request: Request): Promise<Response> };
  CONTROL_SECRET: string;
}

const operator = { id: "1300000000000000333", name: "bench" };

/** The calls the benchmark makes: `status` under load, `giveaway` once to set up the button case. */
function requestFor(url: URL):
  | { action: "status"; body: ControlRequests["status"] }
  | {
      action: "giveaway";
      body: ControlRequests["giveaway"];
    }
  | null {
  switch (url.pathname) {
    case "/status":
      return { action: "status", body: { operator, locale: "en" } };
    case "/giveaway":
      return {
        action: "giveaway",
        body: {
          operator,
          locale: "en",
          prize: "Load benchmark",
          duration: "1h",
          winners: 1,
          channelId: url.searchParams.get("channel") ?? "",
        },
      };
    default:
      return null;
  }
}

export default {
  async fetch(request: Request, env: CallerEnv): Promise<Response> {
    const call = requestFor(new URL(request.url));
    if (!call) return new Response("unknown call", { status: 404 });
    const target: MaxisTarget = {
      name: "maxis",
      key: { keyId: "bench", secret: env.CONTROL_SECRET },
      origin: "https://maxis.internal",
      send: (r) => env.MAXIS.fetch(r),
    };
    const outcome = await callMaxis<ControlAction>(
      target,
      call.action,
      call.body as ControlRequests["status"] & ControlRequests["giveaway"],
    );
    return Response.json(outcome, { status: outcome.ok ? 200 : 502 });
  },
};
