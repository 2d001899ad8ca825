import { parsePeriod } from "../../../shared/control/period";
import type { AnalyticsResult } from "../../../shared/control/protocol";
import { formatDuration } from "../../../shared/i18n/duration";
import { ok } from "../../../shared/result";
import { giveawayFigures } from "../../giveaways/service";
import { CONTROL_ACTOR, promotionFigures, shopErrorMessage } from "../../shop/service";
import { type ActionOutcome, type Body, type ControlContext, rejected, stringField } from "../context";
import { isServerId, serverName } from "../servers";
import { supabaseAsControl } from "../system-client";
import { FigureError, figure, figureFromPostgrest } from "./figures";
import { readRevenue } from "./revenue";

/**
 * Tickets, giveaways and promotions of the whole Maxis; revenue of one server (`server`, default the
 * home server DISCORD_GUILD_ID), since a Maxis sells in several servers and each one's sales are its own.
 */
export async function readAnalytics(
  ctx: ControlContext,
  periodText: string | undefined,
  serverId: string | null,
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
    figure("revenue", async () => {
      if (!serverId) throw new FigureError("not_available");
      return readRevenue(supabase, { id: serverId, name: await serverName(ctx.env, serverId) }, since, until);
    }),
  ]);
  return {
    // As the operator reads it: `7 d`, in French `7 j`.
    period: {
      label: formatDuration(period.seconds, ctx.locale),
      since: since.toISOString(),
      until: until.toISOString(),
    },
    tickets,
    giveaways,
    promotions,
    revenue,
  };
}

export async function analytics(ctx: ControlContext, body: Body): Promise<ActionOutcome<"analytics">> {
  const period = typeof body["period"] === "string" ? body["period"] : undefined;
  const server = revenueServer(ctx, body);
  if (server === false)
    return rejected("invalid_server", shopErrorMessage(ctx.t, { code: "invalid_server" }));
  const result = await readAnalytics(ctx, period, server);
  if (!result) return rejected("invalid_period", ctx.t("control.error.invalid_period"), 400);
  return ok(result);
}

/** The server named in the body (or the home server, or none configured: null); false when malformed. */
export function revenueServer(ctx: ControlContext, body: Body): string | null | false {
  const named = stringField(body, "server", 24);
  if (named) return isServerId(named) ? named : false;
  if (body["server"] !== undefined && body["server"] !== "") return false;
  return isServerId(ctx.env.DISCORD_GUILD_ID ?? "") ? ctx.env.DISCORD_GUILD_ID : null;
}
