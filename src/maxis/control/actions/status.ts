import type { StatusResult } from "../../../shared/control/protocol";
import { ok } from "../../../shared/result";
import { VERSION } from "../../../shared/version";
import { gatewayStatus } from "../../gateway/ensure";
import { giveawayFigures } from "../../giveaways/service";
import { CONTROL_ACTOR, livePromotions } from "../../shop/service";
import { openTicketCounts } from "../../tickets/rpc";
import type { ActionOutcome, ControlContext } from "../context";
import { stateStore } from "../state-store";
import { supabaseAsControl } from "../system-client";
import { FigureError, figure } from "./figures";

/** Everything `status` shows, read in parallel. */
export async function readStatus(ctx: ControlContext): Promise<StatusResult> {
  const { env } = ctx;
  const supabase = await supabaseAsControl(env, ctx.keyId);
  const [state, database, openTickets, runningGiveaways, promotions, gateway] = await Promise.all([
    stateStore(env).snapshot(),
    (async () => {
      const started = Date.now();
      const { error } = await supabase.rpc("session_info");
      return error
        ? { reachable: false, latencyMs: null }
        : { reachable: true, latencyMs: Date.now() - started };
    })().catch(() => ({ reachable: false, latencyMs: null })),
    figure("open tickets", async () => {
      const result = await openTicketCounts(supabase);
      if (!result.ok) throw new FigureError("unreachable");
      return result.value.total;
    }),
    figure("running giveaways", async () => (await giveawayFigures(env, new Date())).running),
    figure("live promotions", async () => {
      const result = await livePromotions(env, CONTROL_ACTOR);
      if (!result.ok) throw new FigureError("unreachable");
      return result.value.length;
    }),
    figure("gateway", async () =>
      (await gatewayStatus(env)).map((s) => ({
        shard: s.shard?.id ?? 0,
        shards: s.shard?.count ?? 1,
        state: s.state,
        lastEventAt: s.lastEventAt,
        reconnects: s.reconnects,
      })),
    ),
  ]);
  const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
  return {
    version: VERSION,
    bootId: state.bootId,
    bootedAt: new Date(state.bootedAt).toISOString(),
    lastRestart: state.lastRestart && {
      at: new Date(state.lastRestart.at).toISOString(),
      by: state.lastRestart.by,
      byName: state.lastRestart.byName ?? null,
    },
    maintenance: {
      on: state.maintenance.on,
      since: iso(state.maintenance.since),
      by: state.maintenance.by,
      byName: state.maintenance.byName ?? null,
    },
    database,
    openTickets,
    runningGiveaways,
    livePromotions: promotions,
    gateway,
  };
}

export async function status(ctx: ControlContext): Promise<ActionOutcome<"status">> {
  return ok(await readStatus(ctx));
}
