import { Hono } from "hono";
import { VERSION } from "./version";

/** `GET /health`: a liveness probe for load balancers, the local stack and Shellia. No secrets, no I/O. */
export function healthEndpoint(worker: "shellia" | "maxis"): Hono {
  const app = new Hono();
  app.get("/", (c) => c.json({ ok: true, worker, version: VERSION }));
  return app;
}
