/**
 * `/api/v1/sales?days=30`: the dashboard's sales page, for the signed-in server's admins. One call to
 * `sales_summary` as the admin, under RLS; its refusals come back in the reader's language.
 * `/api/v1/roles`: the roles a plan may grant in the session's server (the Plans page's role picker),
 * read from Discord with Maxis's bot token.
 */
import { Hono } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { fetchGrantableRoles } from "../plans/discord-roles";
import { readSalesSummary, type SalesErrorCode } from "../sales/rpc";
import type { ApiContext, ApiEnv } from "./context";
import { apiError } from "./errors";
import { planError } from "./plans";
import { clientOf } from "./session-client";

const SALES_ERROR_STATUS: Record<SalesErrorCode, ContentfulStatusCode> = {
  guild_required: 400,
  admin_only: 403,
  invalid_days: 400,
};

const salesError = (c: ApiContext, code: SalesErrorCode) =>
  apiError(c, SALES_ERROR_STATUS[code], code, c.var.t(`sales.error.${code}`));

export const salesRoutes = new Hono<ApiEnv>();

salesRoutes.get("/sales", async (c) => {
  // Agents are refused before any database call (the function refuses them too).
  if (c.var.session.app_role !== "admin") return salesError(c, "admin_only");
  const text = c.req.query("days") ?? "30";
  const days = /^\d{1,3}$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isInteger(days) || days < 1 || days > 366) return salesError(c, "invalid_days");
  const client = await clientOf(c);
  const result = await readSalesSummary(client, days);
  return result.ok ? c.json(result.value) : salesError(c, result.error.code);
});

salesRoutes.get("/roles", async (c) => {
  if (c.var.session.app_role !== "admin") return planError(c, "admin_only");
  try {
    return c.json({ roles: await fetchGrantableRoles(c.env, c.var.session.guild_id) });
  } catch (error) {
    console.error("api: reading the server's roles failed", error);
    return planError(c, "roles_unavailable");
  }
});
