/**
 * Maxis's Gateway object against the Discord stand-in's Gateway: identify, heartbeats, resume after a
 * drop, op 7, op 9 and a heartbeat the Gateway never acknowledges. Each test uses an object of its own
 * and stops it; the stand-in's settings are put back after each.
 */
import { afterEach, describe, expect, it } from "vitest";
import {
  gatewayUrl,
  isConnected,
  shardObject,
  standInGateway,
  standInGatewayState,
  waitUntil,
} from "./gateway-support";

let objectCounter = 0;
const started: ReturnType<typeof shardObject>[] = [];

async function connectedShard() {
  const shard = shardObject(`gateway-test-${Date.now()}-${++objectCounter}`);
  started.push(shard);
  await shard.ensureConnected([0, 1], await gatewayUrl());
  await waitUntil(() => shard.status(), isConnected, 10_000, "the shard to be connected");
  return shard;
}

afterEach(async () => {
  for (const shard of started.splice(0)) await shard.stop();
  await standInGateway("", { heartbeat_interval_ms: 41_250, acknowledge_heartbeats: true });
});

// The first call to a Durable Object of a run waits for workerd to load it: seconds on a busy machine.
describe("the Gateway object", { timeout: 30_000 }, () => {
  it("identifies with only the guilds, guild messages and message content intents", async () => {
    const before = await standInGatewayState();
    const shard = await connectedShard();
    const after = await standInGatewayState();
    expect(after.counters.identifies).toBe(before.counters.identifies + 1);
    const status = await shard.status();
    const session = after.sessions.find((s) => s.id === status.sessionId);
    // GUILDS (1 << 0) | GUILD_MESSAGES (1 << 9) | MESSAGE_CONTENT (1 << 15), nothing else.
    expect(session?.intents).toBe(1 | (1 << 9) | (1 << 15));
    expect(status).toMatchObject({ state: "connected", shard: { id: 0, count: 1 }, identifies: 1 });
  });

  it("heartbeats at the interval HELLO gave, and stays connected while they are acknowledged", async () => {
    await standInGateway("", { heartbeat_interval_ms: 150 });
    const before = await standInGatewayState();
    const shard = await connectedShard();
    await waitUntil(
      standInGatewayState,
      (s) => s.counters.heartbeats >= before.counters.heartbeats + 4,
      10_000,
      "four heartbeats",
    );
    expect(await shard.status()).toMatchObject({ state: "connected", reconnects: 0 });
  });

  it("resumes its session after the connection drops, without identifying again", async () => {
    const shard = await connectedShard();
    const first = await shard.status();
    const before = await standInGatewayState();
    await standInGateway("/drop", { resumable: true });
    const resumed = await waitUntil(
      () => shard.status(),
      (s) => s.resumes === 1 && isConnected(s),
    );
    const after = await standInGatewayState();
    expect(after.counters.resumes).toBe(before.counters.resumes + 1);
    expect(after.counters.identifies).toBe(before.counters.identifies);
    expect(resumed.sessionId).toBe(first.sessionId);
  });

  it("reconnects and resumes when the Gateway sends op 7", async () => {
    const shard = await connectedShard();
    const first = await shard.status();
    await standInGateway("/reconnect");
    const resumed = await waitUntil(
      () => shard.status(),
      (s) => s.resumes === 1 && isConnected(s),
    );
    expect(resumed.sessionId).toBe(first.sessionId);
    expect(resumed.identifies).toBe(1);
  });

  it("identifies a new session when the Gateway sends op 9 (not resumable)", async () => {
    const shard = await connectedShard();
    const first = await shard.status();
    await standInGateway("/invalidate");
    const again = await waitUntil(
      () => shard.status(),
      (s) => s.identifies === 2 && isConnected(s),
    );
    expect(again.sessionId).not.toBe(first.sessionId);
    expect(again.resumes).toBe(0);
  });

  it("calls a connection whose heartbeat is not acknowledged dead, and resumes on a new one", async () => {
    await standInGateway("", { heartbeat_interval_ms: 150 });
    const shard = await connectedShard();
    const before = await standInGatewayState();
    await standInGateway("", { acknowledge_heartbeats: false });
    await waitUntil(
      () => shard.status(),
      (s) => s.missedAcks >= 1 && s.reconnects >= 1,
      10_000,
      "a reconnect for the missing ACK",
    );
    await standInGateway("", { acknowledge_heartbeats: true });
    const resumed = await waitUntil(
      () => shard.status(),
      (s) => s.resumes >= 1 && isConnected(s),
    );
    expect(resumed.identifies).toBe(1);
    expect((await standInGatewayState()).counters.connections).toBeGreaterThan(before.counters.connections);
  });
});
