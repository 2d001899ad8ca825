/**
 * Response-time targets and the reports built on them, for the staff dashboard:
 *
 *   GET  /sla                   the server's targets and business hours (staff)
 *   PATCH|PUT /sla              change some of them (admins; audited, due times recomputed)
 *   GET  /stats/sla?days=30     compliance per kind and priority, and the backlog per day
 *   GET  /export/tickets.csv?days=30   the tickets opened in the window, with their due times
 *   GET  /export/agents.csv?days=30    per-agent figures over the window
 *
 * Shapes are checked here; values (zones, hours, targets) by the SQL functions, the one authority,
 * whose refusals come back as `{"error":{"code","message"}}` in the reader's language.
 */
import { Hono } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import * as v from "valibot";
import type { SlaReport } from "../../shared/contracts/sla";
import {
  backlogSeries,
  exportData,
  type SlaErrorCode,
  type SlaResult,
  slaStats,
  updateSla,
  viewSla,
} from "../sla/rpc";
import { ticketErrorMessage } from "../tickets/errors";
import { isTicketErrorCode } from "../tickets/rpc";
import type { ApiContext, ApiEnv } from "./context";
import { toCsv } from "./csv";
import { apiError } from "./errors";
import { daysQuery } from "./schemas";
import { clientOf } from "./session-client";
import { check, jsonBody } from "./validate";

const SLA_ERROR_STATUS: Record<SlaErrorCode, ContentfulStatusCode> = {
  not_authenticated: 401,
  guild_required: 400,
  staff_only: 403,
  admin_only: 403,
  server_not_set_up: 409,
  invalid_settings: 400,
  invalid_time_zone: 400,
  invalid_weekly_hours: 400,
  invalid_holidays: 400,
  invalid_targets: 400,
  invalid_warn_percent: 400,
  invalid_on_call_role: 400,
  invalid_days: 400,
};

function slaError(c: ApiContext, code: SlaErrorCode) {
  const message = isTicketErrorCode(code) ? ticketErrorMessage(c.var.t, code) : c.var.t(`sla.error.${code}`);
  return apiError(c, SLA_ERROR_STATUS[code], code, message);
}

function respond<T>(c: ApiContext, result: SlaResult<T>) {
  return result.ok ? c.json(result.value as object) : slaError(c, result.error.code);
}

const minutes = v.nullable(v.pipe(v.number(), v.safeInteger()));
const targets = v.strictObject({ firstResponse: minutes, resolution: minutes });
/** Shapes only: the SQL function judges zones, times, dates and ranges. */
const slaBody = v.strictObject({
  enabled: v.exactOptional(v.boolean()),
  timeZone: v.exactOptional(v.string()),
  weeklyHours: v.exactOptional(
    v.nullable(
      v.array(v.strictObject({ day: v.pipe(v.number(), v.safeInteger()), from: v.string(), to: v.string() })),
    ),
  ),
  holidays: v.exactOptional(v.array(v.string())),
  targets: v.exactOptional(
    v.strictObject({ critical: targets, high: targets, medium: targets, low: targets }),
  ),
  warnPercent: v.exactOptional(v.pipe(v.number(), v.safeInteger())),
  onCallRoleId: v.exactOptional(v.nullable(v.string())),
});

function csvResponse(c: ApiContext, name: string, body: string) {
  c.header("Content-Type", "text/csv; charset=utf-8");
  c.header("Content-Disposition", `attachment; filename="${name}"`);
  return c.body(body);
}

export const slaRoutes = new Hono<ApiEnv>();

slaRoutes.get("/sla", async (c) => respond(c, await viewSla(await clientOf(c))));

for (const method of ["put", "patch"] as const) {
  slaRoutes[method]("/sla", async (c) => {
    const body = await jsonBody(c, slaBody);
    if (!body.ok) return body.error;
    return respond(c, await updateSla(await clientOf(c), body.value));
  });
}

slaRoutes.get("/stats/sla", async (c) => {
  const query = check(c, daysQuery, c.req.query());
  if (!query.ok) return query.error;
  const client = await clientOf(c);
  const days = query.value.days ?? 30;
  const [compliance, backlog] = await Promise.all([slaStats(client, days), backlogSeries(client, days)]);
  if (!compliance.ok) return slaError(c, compliance.error.code);
  if (!backlog.ok) return slaError(c, backlog.error.code);
  return c.json({ days, compliance: compliance.value, backlog: backlog.value.daily } satisfies SlaReport);
});

slaRoutes.get("/export/tickets.csv", async (c) => {
  const query = check(c, daysQuery, c.req.query());
  if (!query.ok) return query.error;
  const result = await exportData(await clientOf(c), query.value.days ?? 30);
  if (!result.ok) return slaError(c, result.error.code);
  const rows = result.value.tickets.map((t) => [
    t.number,
    t.subject,
    t.category,
    t.priority,
    t.status,
    t.ownerId,
    t.assigneeId,
    t.createdAt,
    t.firstStaffResponseAt,
    t.firstResponseDueAt,
    t.closedAt,
    t.resolutionDueAt,
  ]);
  const header = [
    "number",
    "subject",
    "category",
    "priority",
    "status",
    "owner_id",
    "assignee_id",
    "created_at",
    "first_staff_response_at",
    "first_response_due_at",
    "closed_at",
    "resolution_due_at",
  ];
  return csvResponse(c, "tickets.csv", toCsv(header, rows));
});

slaRoutes.get("/export/agents.csv", async (c) => {
  const query = check(c, daysQuery, c.req.query());
  if (!query.ok) return query.error;
  const result = await exportData(await clientOf(c), query.value.days ?? 30);
  if (!result.ok) return slaError(c, result.error.code);
  const header = [
    "agent_id",
    "assigned",
    "closed",
    "median_first_response_seconds",
    "median_resolution_seconds",
  ];
  const rows = result.value.agents.map((a) => [
    a.agentId,
    a.assigned,
    a.closed,
    a.medianFirstResponseSeconds === null ? null : Math.round(a.medianFirstResponseSeconds),
    a.medianResolutionSeconds === null ? null : Math.round(a.medianResolutionSeconds),
  ]);
  return csvResponse(c, "agents.csv", toCsv(header, rows));
});
