/**
 * The bench's stand-in for Shellia's deferred work: a Worker beside Maxis that makes control calls
 * with Shellia's own client (signing included) through a real service binding, sequentially, and
 * times each one inside workerd. Bundled by wrangler in bench/control.bench.ts.
 */
import type { ControlAction, ControlRequests } from "../src/shared/control/protocol";
import { callMaxis, type MaxisTarget } from "../src/shellia/control-client";
import { percentile } from "./stats";

interface DriverEnv {
  MAXIS: { fetch(request: Request): Promise<Response> };
  SECRET: string;
}

const operator = { id: "1300000000000000333", name: "bench" };
const requests: { [A in ControlAction]?: ControlRequests[A] } = {
  status: { operator, locale: "en" },
  execute: { operator, locale: "en", operation: "maintenance", args: ["off"] },
};

export default {
  async fetch(request: Request, env: DriverEnv): Promise<Response> {
    const url = new URL(request.url);
    const action = url.searchParams.get("action") as "status" | "execute";
    const count = Number(url.searchParams.get("n") ?? 1000);
    const target: MaxisTarget = {
      name: "maxis",
      key: { keyId: "bench", secret: env.SECRET },
      origin: "https://maxis.internal",
      send: (r) => env.MAXIS.fetch(r),
    };
    const body = requests[action];
    if (!body) return new Response("unknown action", { status: 400 });
    const times: number[] = [];
    let failures = 0;
    for (let i = 0; i < count; i++) {
      const started = performance.now();
      const outcome = await callMaxis(
        target,
        action,
        body as ControlRequests["status"] & ControlRequests["execute"],
      );
      times.push(performance.now() - started);
      if (!outcome.ok) failures += 1;
    }
    times.sort((a, b) => a - b);
    return Response.json({
      calls: count,
      failures,
      p50: percentile(times, 50),
      p99: percentile(times, 99),
      mean: times.reduce((a, b) => a + b, 0) / times.length,
      max: times[times.length - 1],
    });
  },
};
