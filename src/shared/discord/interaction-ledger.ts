/**
 * The interactions a Worker has already handled, so a signed request sent twice runs once (a second
 * ticket, a second click). Sharded by interaction id over a few SQLite-backed Durable Objects: one
 * round trip per interaction, and requests to one object run one at a time with no await inside
 * `claim`, so two isolates racing with the same id cannot both win. An id is kept only while its
 * signed timestamp is within the window; after that the timestamp check refuses the request anyway.
 *
 * Claims go through the shared `ClaimOnceTable` (table `handled`). Expired rows are deleted at most
 * once a minute per object rather than on every claim (the load benchmark showed that DELETE on every
 * claim cost as much as the insert), so a shard holds at most the window plus a minute of ids.
 */
import { DurableObject } from "cloudflare:workers";
import { ClaimOnceTable } from "../claim-once";

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS held (
    id TEXT PRIMARY KEY, owner TEXT NOT NULL, payload TEXT NOT NULL, expires_at INTEGER NOT NULL
  ) WITHOUT ROWID;
`;

/** What `take` found: the held payload (now gone), someone else's, or nothing (taken, expired, never held); three findings, not a result. */
export type Taken = { kind: "taken"; payload: string } | { kind: "not_owner" } | { kind: "gone" };

/** How often an object deletes its expired ids. */
export const LEDGER_PURGE_INTERVAL_MS = 60_000;

export class InteractionLedger extends DurableObject<unknown> {
  private readonly handled: ClaimOnceTable;

  constructor(ctx: DurableObjectState, env: unknown) {
    super(ctx, env);
    this.handled = new ClaimOnceTable(ctx.storage.sql, "handled", "id", LEDGER_PURGE_INTERVAL_MS);
    ctx.storage.sql.exec(SCHEMA);
  }

  /** Records the id and says whether it was new (or only remembered past its expiry, in ms). */
  claim(interactionId: string, expiresAt: number): boolean {
    return this.handled.claim(interactionId, expiresAt, Date.now());
  }

  /** Deletes the ids whose time has passed; returns how many. */
  purgeExpired(now = Date.now()): number {
    return this.handled.purgeExpired(now);
  }

  /**
   * Keeps a payload under an id for one owner until `expiresAt` (ms), e.g. an `/ask` proposal waiting
   * for its Confirm button. False when the id is held already.
   */
  hold(id: string, owner: string, payload: string, expiresAt: number): boolean {
    const sql = this.ctx.storage.sql;
    sql.exec("DELETE FROM held WHERE expires_at < ?", Date.now());
    return (
      sql.exec(
        "INSERT INTO held (id, owner, payload, expires_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
        id,
        owner,
        payload,
        expiresAt,
      ).rowsWritten > 0
    );
  }

  /**
   * Hands a held payload to its owner once: the row is deleted in the same call (no await in between),
   * so two presses, even at the same moment, cannot both get it. Anyone else's press changes nothing.
   */
  take(id: string, owner: string): Taken {
    const sql = this.ctx.storage.sql;
    sql.exec("DELETE FROM held WHERE expires_at < ?", Date.now());
    const row = sql
      .exec<{ owner: string; payload: string }>("SELECT owner, payload FROM held WHERE id = ?", id)
      .toArray()[0];
    if (!row) return { kind: "gone" };
    if (row.owner !== owner) return { kind: "not_owner" };
    sql.exec("DELETE FROM held WHERE id = ?", id);
    return { kind: "taken", payload: row.payload };
  }

  /** How many ids are kept (for tests: expiry keeps this bounded). */
  size(): number {
    return this.handled.size();
  }
}
