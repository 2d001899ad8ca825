/**
 * Keeping Maxis's Gateway connection up: asks Discord how many shards it wants (GET /gateway/bot) and
 * makes sure each shard's object is connected. Called every minute by the Cron Trigger and by
 * `/maxis restart`; `gatewayStatus` is what `/maxis status` shows.
 */
import type { APIGatewayBotInfo } from "discord-api-types/v10";
import { botRest } from "../tickets/notify";
import type { GatewayStatus } from "./gateway-object";

const shardName = (shard: number, count: number) => `shard:${shard}/${count}`;

async function gatewayBot(env: MaxisEnv): Promise<APIGatewayBotInfo> {
  return botRest(env).request<APIGatewayBotInfo>("GET", "/gateway/bot");
}

export async function ensureGateway(env: MaxisEnv): Promise<GatewayStatus[]> {
  const info = await gatewayBot(env);
  const count = Math.max(1, info.shards);
  return Promise.all(
    Array.from({ length: count }, (_, shard) =>
      env.GATEWAY.get(env.GATEWAY.idFromName(shardName(shard, count))).ensureConnected(
        [shard, count],
        info.url,
      ),
    ),
  );
}

export async function gatewayStatus(env: MaxisEnv): Promise<GatewayStatus[]> {
  const count = Math.max(1, (await gatewayBot(env)).shards);
  return Promise.all(
    Array.from({ length: count }, (_, shard) =>
      env.GATEWAY.get(env.GATEWAY.idFromName(shardName(shard, count))).status(),
    ),
  );
}
