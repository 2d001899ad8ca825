/**
 * Which InteractionLedger shard owns an id, and the claim every interaction makes. Kept apart from the
 * Durable Object class (which needs `cloudflare:workers`) so that command modules, which the
 * registration and interact scripts import under Node, can reach the ledger too.
 */
import { INTERACTION_WINDOW_SECONDS } from "./freshness";
import type { InteractionLedger } from "./interaction-ledger";

/** Enough to spread a busy bot's interactions; each shard holds at most one window of ids. */
const SHARDS = 16n;

export interface LedgerEnv {
  INTERACTION_LEDGER: DurableObjectNamespace<InteractionLedger>;
}

/** Each shard's object id, derived once per isolate (a hash of the name) rather than per claim. */
const shardIds = new WeakMap<DurableObjectNamespace<InteractionLedger>, DurableObjectId[]>();

/** The shard that owns an interaction id (a snowflake: its low bits vary from one id to the next). */
export function ledgerFor(env: LedgerEnv, interactionId: string) {
  const namespace = env.INTERACTION_LEDGER;
  let ids = shardIds.get(namespace);
  if (!ids) {
    ids = [];
    shardIds.set(namespace, ids);
  }
  const shard = Number(BigInt(interactionId) % SHARDS);
  ids[shard] ??= namespace.idFromName(`shard-${shard}`);
  return namespace.get(ids[shard]);
}

/**
 * Claims an interaction id for handling; false when it was handled already. `signedAt` is the
 * request's signed timestamp (Unix seconds): the id is remembered until that leaves the window.
 */
export async function claimInteraction(
  env: LedgerEnv,
  interactionId: string,
  signedAt: number,
): Promise<boolean> {
  const expiresAt = (signedAt + INTERACTION_WINDOW_SECONDS + 1) * 1000;
  return ledgerFor(env, interactionId).claim(interactionId, expiresAt);
}
