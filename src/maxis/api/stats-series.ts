/**
 * GET /api/v1/stats/series?days=30: the dashboard's charts (opened and closed per day, first-response
 * and resolution time buckets), one call to `ticket_stats_series`. Part of the API's routes, so
 * the same CORS, session and language middleware run first.
 */
import { Hono } from "hono";
import type { TicketStatsSeries } from "../../shared/contracts/stats";
import { rpcCaller } from "../supabase/rpc-result";
import { ticketRefusal } from "../tickets/rpc";
import type { ApiEnv } from "./context";
import { respond } from "./errors";
import { daysQuery } from "./schemas";
import { clientOf } from "./session-client";
import { check } from "./validate";

export const statsSeriesRoutes = new Hono<ApiEnv>();

statsSeriesRoutes.get("/stats/series", async (c) => {
  const query = check(c, daysQuery, c.req.query());
  if (!query.ok) return query.error;
  const client = await clientOf(c);
  const result = await rpcCaller(ticketRefusal)<TicketStatsSeries>(client, "ticket_stats_series", {
    p_days: query.value.days ?? 30,
  });
  return respond(c, result);
});
