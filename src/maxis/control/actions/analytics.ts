import { parsePeriod } from "../../../shared/control/period";
import type { AnalyticsResult } from "../../../shared/control/protocol";
import { ok } from "../../../shared/result";
import { giveawayFigures } from "../../giveaways/service";
import { CONTROL_ACTOR, promotionFigures } from "../../shop/service";
import { type ActionOutcome, type Body, type ControlContext, rejected } from "../context";
import { supabaseAsControl } from "../system-client";
import { FigureError, figure, figureFromPostgrest } from "./figures";
import { readRevenue } from "./revenue";

export async function readAnalytics(
  ctx: ControlContext,
  periodText: string | undefined,
): Promise<AnalyticsResult | null> {
  const period = parsePeriod(periodText);
  if (!period) return null;
  const until = new Date();
  const since = new Date(until.getTime() - period.seconds * 1000);
  const supabase = await supabaseAsControl(ctx.env, ctx.keyId);
  const [tickets, giveaways, promotions, revenue] = await Promise.all([
    figure("ticket figures", async () => {
      const { data, error } = await supabase.rpc("control_ticket_figures", {
        p_since: since.toISOString(),
        p_until: until.toISOString(),
      });
      if (error) throw figureFromPostgrest(error);
      return data as { opened: number; closed: number; openNow: number };
    }),
    figure("giveaway figures", () => giveawayFigures(ctx.env, since)),
    figure("promotion figures", async () => {
      const result = await promotionFigures(ctx.env, CONTROL_ACTOR, since, until);
      if (!result.ok) throw new FigureError("unreachable");
      return result.value;
    }),
    figure("revenue", () => readRevenue(supabase, since, until)),
  ]);
  return {
    period: { label: period.label, since: since.toISOString(), until: until.toISOString() },
    tickets,
    giveaways,
    promotions,
    revenue,
  };
}

export async function analytics(ctx: ControlContext, body: Body): Promise<ActionOutcome<"analytics">> {
  const period = typeof body["period"] === "string" ? body["period"] : undefined;
  const result = await readAnalytics(ctx, period);
  if (!result) return rejected("invalid_period", ctx.t("control.error.invalid_period"), 400);
  return ok(result);
}
