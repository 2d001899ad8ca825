/**
 * The interactions a Worker has already handled, so a signed request sent twice runs once (a second
 * ticket, a second click). Sharded by interaction id over a few SQLite-backed Durable Objects: one
 * round trip per interaction, and requests to one object run one at a time with no await inside
 * `claim`, so two isolates racing with the same id cannot both win. An id is kept only while its
 * signed timestamp is within the window; after that the timestamp check refuses the request anyway.
 *
 * A claim is one statement: an upsert that takes a new id, or an id whose time has passed, and
 * leaves a live one alone. Expired rows are deleted at most once a minute per object rather than on
 * every claim (the load benchmark showed that DELETE on every claim cost as much as the insert), so a
 * shard holds at most the window plus a minute of ids.
 */
import { DurableObject } from "cloudflare:workers";
import { INTERACTION_WINDOW_SECONDS } from "./freshness";

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS handled (id TEXT PRIMARY KEY, expires_at INTEGER NOT NULL) WITHOUT ROWID;
  CREATE INDEX IF NOT EXISTS handled_expiry ON handled (expires_at);
`;

/** Enough to spread a busy bot's interactions; each shard holds at most one window of ids. */
const SHARDS = 16n;

/** How often an object deletes its expired ids. */
export const LEDGER_PURGE_INTERVAL_MS = 60_000;

export class InteractionLedger extends DurableObject<unknown> {
  /** When this instance next deletes expired ids (the first claim after it starts does). */
  private nextPurgeAt = 0;

  constructor(ctx: DurableObjectState, env: unknown) {
    super(ctx, env);
    ctx.storage.sql.exec(SCHEMA);
  }

  /** Records the id and says whether it was new (or only remembered past its expiry, in ms). */
  claim(interactionId: string, expiresAt: number): boolean {
    const now = Date.now();
    if (now >= this.nextPurgeAt) this.purgeExpired(now);
    const written = this.ctx.storage.sql.exec(
      `INSERT INTO handled (id, expires_at) VALUES (?, ?)
       ON CONFLICT (id) DO UPDATE SET expires_at = excluded.expires_at WHERE handled.expires_at < ?`,
      interactionId,
      expiresAt,
      now,
    );
    return written.rowsWritten > 0;
  }

  /** Deletes the ids whose time has passed; returns how many. */
  purgeExpired(now = Date.now()): number {
    this.nextPurgeAt = now + LEDGER_PURGE_INTERVAL_MS;
    return this.ctx.storage.sql.exec("DELETE FROM handled WHERE expires_at < ?", now).rowsWritten;
  }

  /** How many ids are kept (for tests: expiry keeps this bounded). */
  size(): number {
    return this.ctx.storage.sql.exec<{ n: number }>("SELECT count(*) AS n FROM handled").one().n;
  }
}

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
