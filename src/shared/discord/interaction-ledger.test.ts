import { runInDurableObject } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import type { InteractionLedger } from "./interaction-ledger";
import { claimInteraction, ledgerFor } from "./ledger-shards";

const nowSeconds = () => Math.floor(Date.now() / 1000);
/** Ids on one shard (multiples of 16), unused by any other test. */
let next = BigInt(Date.now()) * 16_000n;
const freshId = () => {
  next += 16n;
  return String(next);
};

describe("InteractionLedger", () => {
  // The first call loads Maxis's whole module graph into the test runner: seconds on a busy machine.
  beforeAll(() => ledgerFor(env, "0").size(), 60_000);

  it("claims an id once, whichever isolate asks", async () => {
    const id = freshId();
    const claims = await Promise.all([1, 2, 3, 4].map(() => claimInteraction(env, id, nowSeconds())));
    expect(claims.filter(Boolean)).toHaveLength(1);
    expect(await claimInteraction(env, id, nowSeconds())).toBe(false);
  });

  it("forgets an id once its timestamp has left the window, so the ledger stays small", async () => {
    const old = freshId();
    // Signed six minutes ago: kept until a minute ago, so it may be claimed again and is purged.
    expect(await claimInteraction(env, old, nowSeconds() - 360)).toBe(true);
    expect(await claimInteraction(env, old, nowSeconds())).toBe(true);
    const again = freshId();
    expect(await claimInteraction(env, again, nowSeconds() - 360)).toBe(true);
    const shard = ledgerFor(env, again);
    const before = await shard.size();
    expect(await shard.purgeExpired()).toBeGreaterThanOrEqual(1);
    expect(await shard.size()).toBeLessThan(before);
    // A live id is never given out twice, purge or not.
    expect(await claimInteraction(env, old, nowSeconds())).toBe(false);
  });

  it("deletes expired ids at most once a minute, not on every claim", async () => {
    const id = freshId();
    await runInDurableObject(ledgerFor(env, id), async (ledger: InteractionLedger) => {
      expect(ledger.claim(freshId(), Date.now() - 1)).toBe(true);
      const expired = ledger.size();
      // Within the minute: no purge, the expired id stays until the next one.
      expect(ledger.claim(id, Date.now() + 60_000)).toBe(true);
      expect(ledger.size()).toBe(expired + 1);
      expect(ledger.purgeExpired()).toBeGreaterThanOrEqual(1);
      expect(ledger.size()).toBeLessThan(expired + 1);
    });
  });
});

describe("InteractionLedger hold / take (what waits for a Confirm button)", () => {
  it("hands a held payload to its owner once, even to presses at the same moment", async () => {
    const id = freshId();
    const shard = ledgerFor(env, id);
    expect(await shard.hold(id, "owner", '{"a":1}', Date.now() + 60_000)).toBe(true);
    expect(await shard.hold(id, "owner", '{"a":2}', Date.now() + 60_000)).toBe(false);
    expect(await shard.take(id, "someone-else")).toEqual({ kind: "not_owner" });
    const presses = await Promise.all([1, 2, 3].map(() => shard.take(id, "owner")));
    expect(presses.filter((p) => p.kind === "taken")).toEqual([{ kind: "taken", payload: '{"a":1}' }]);
    expect(presses.filter((p) => p.kind === "gone")).toHaveLength(2);
    expect(await shard.take(id, "someone-else")).toEqual({ kind: "gone" });
  });

  it("gives nothing once the payload has expired", async () => {
    const id = freshId();
    const shard = ledgerFor(env, id);
    expect(await shard.hold(id, "owner", "{}", Date.now() - 1)).toBe(true);
    expect(await shard.take(id, "owner")).toEqual({ kind: "gone" });
  });
});
