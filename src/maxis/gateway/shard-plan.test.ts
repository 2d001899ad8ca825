import type { APIGatewayBotInfo } from "discord-api-types/v10";
import { describe, expect, it } from "vitest";
import { createShardPlanCache, SHARD_PLAN_TTL_MS } from "./shard-plan";

function discord(shards: number) {
  const asked: number[] = [];
  const ask = async (): Promise<APIGatewayBotInfo> => {
    asked.push(shards);
    return {
      url: "wss://gateway.discord.gg",
      shards,
      session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: 1 },
    };
  };
  return { ask, asked };
}

describe("the shard plan a status reads", () => {
  it("asks Discord once for repeated status reads within five minutes, and again after", async () => {
    const cache = createShardPlanCache();
    const { ask, asked } = discord(2);
    expect(await cache.recent(ask, 0)).toEqual({ count: 2, url: "wss://gateway.discord.gg" });
    await cache.recent(ask, 1_000);
    await cache.recent(ask, SHARD_PLAN_TTL_MS - 1);
    expect(asked).toHaveLength(1);
    await cache.recent(ask, SHARD_PLAN_TTL_MS);
    expect(asked).toHaveLength(2);
  });

  it("shows what the last Cron pass or restart learned from Discord", async () => {
    const cache = createShardPlanCache();
    await cache.refresh(discord(1).ask, 0);
    const grown = discord(3);
    expect((await cache.recent(grown.ask, 10)).count).toBe(1);
    expect((await cache.refresh(grown.ask, 20)).count).toBe(3);
    expect((await cache.recent(grown.ask, 30)).count).toBe(3);
    expect(grown.asked).toHaveLength(1);
  });

  it("counts at least one shard even if Discord answers zero", async () => {
    expect((await createShardPlanCache().recent(discord(0).ask, 0)).count).toBe(1);
  });
});
