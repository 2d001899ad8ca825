import { ok } from "../../../shared/result";
import { shopErrorMessage } from "../../shop/service";
import { recentAudit, refusalsSince } from "../audit";
import { type ActionOutcome, type Body, type ControlContext, rejected } from "../context";
import { buildReport } from "../report-document";
import { readAnalytics, revenueServer } from "./analytics";
import { readStatus } from "./status";

/**
 * `/maxis report`: status, activity over a period, the latest verified control calls and the refused
 * ones counted per reason (so junk can never push real calls out), as embed + Markdown.
 */
export async function report(ctx: ControlContext, body: Body): Promise<ActionOutcome<"report">> {
  const period = typeof body["period"] === "string" ? body["period"] : undefined;
  const server = revenueServer(ctx, body);
  if (server === false)
    return rejected("invalid_server", shopErrorMessage(ctx.t, { code: "invalid_server" }));
  const [status, analytics, recent] = await Promise.all([
    readStatus(ctx),
    readAnalytics(ctx, period, server),
    recentAudit(ctx.env, ctx.keyId, 10).catch(() => null),
  ]);
  if (!analytics) return rejected("invalid_period", ctx.t("control.error.invalid_period"), 400);
  const refused = await refusalsSince(ctx.env, ctx.keyId, analytics.period.since).catch(() => null);
  return ok(buildReport(ctx, { status, analytics, recent, refused }));
}
