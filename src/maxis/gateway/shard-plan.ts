/**
 * How many shards Discord wants and where they connect (GET /gateway/bot), as this isolate last
 * asked. The minute Cron and `/maxis restart` ask Discord afresh; `/maxis status` reuses a recent
 * answer, so an operator refreshing the status does not spend Discord's rate limit on a number that
 * changes only when the bot grows by thousands of servers.
 */
import type { APIGatewayBotInfo } from "discord-api-types/v10";

export const SHARD_PLAN_TTL_MS = 5 * 60_000;

export interface ShardPlan {
  count: number;
  url: string;
}

export function shardPlanOf(info: APIGatewayBotInfo): ShardPlan {
  return { count: Math.max(1, info.shards), url: info.url };
}

export interface ShardPlanCache {
  /** A fresh answer from Discord, remembered. */
  refresh(ask: () => Promise<APIGatewayBotInfo>, now?: number): Promise<ShardPlan>;
  /** The remembered answer while it is recent, else a fresh one. */
  recent(ask: () => Promise<APIGatewayBotInfo>, now?: number): Promise<ShardPlan>;
}

export function createShardPlanCache(ttlMs = SHARD_PLAN_TTL_MS): ShardPlanCache {
  let kept: { plan: ShardPlan; until: number } | null = null;
  const refresh = async (ask: () => Promise<APIGatewayBotInfo>, now = Date.now()) => {
    const plan = shardPlanOf(await ask());
    kept = { plan, until: now + ttlMs };
    return plan;
  };
  return {
    refresh,
    recent: async (ask, now = Date.now()) => (kept && now < kept.until ? kept.plan : refresh(ask, now)),
  };
}
