/**
 * Keeping Maxis's Gateway connection up: asks Discord how many shards it wants (GET /gateway/bot) and
 * makes sure each shard's object is connected. Called every minute by the Cron Trigger and by
 * `/maxis restart`; `gatewayStatus` is what `/maxis status` shows, from
 * the shard count Discord gave within the last minutes (shard-plan.ts).
 */
import type { APIGatewayBotInfo } from "discord-api-types/v10";
import { botRest } from "../bot-rest";
import type { GatewayStatus } from "./gateway-object";
import { createShardPlanCache } from "./shard-plan";

const shardName = (shard: number, count: number) => `shard:${shard}/${count}`;

// Not dropped by a soft restart: the restart's own ensureGateway asks Discord afresh anyway.
const shardPlans = createShardPlanCache();

const askDiscord = (env: MaxisEnv) => () => botRest(env).request<APIGatewayBotInfo>("GET", "/gateway/bot");

export async function ensureGateway(env: MaxisEnv): Promise<GatewayStatus[]> {
  const { count, url } = await shardPlans.refresh(askDiscord(env));
  return Promise.all(
    Array.from({ length: count }, (_, shard) =>
      env.GATEWAY.get(env.GATEWAY.idFromName(shardName(shard, count))).ensureConnected([shard, count], url),
    ),
  );
}

export async function gatewayStatus(env: MaxisEnv): Promise<GatewayStatus[]> {
  const { count } = await shardPlans.recent(askDiscord(env));
  return Promise.all(
    Array.from({ length: count }, (_, shard) =>
      env.GATEWAY.get(env.GATEWAY.idFromName(shardName(shard, count))).status(),
    ),
  );
}
