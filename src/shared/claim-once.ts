/**
 * "This key works once until it expires": the one primitive behind the interaction ledger, the
 * control nonces and the OAuth states. It keeps one table of claimed keys in a Durable Object's
 * SQLite storage; the object runs one request at a time and `claim` has no await inside, so two
 * racing claims of the same key cannot both win.
 *
 * A claim is one statement: an upsert that takes a new key, or one whose time has passed, and leaves
 * a live one alone. Expired rows are deleted before a claim, at most once per `purgeEvery` (0: before
 * every claim). Times are in whatever unit the caller passes, the same for `expiresAt` and `now`.
 */
export class ClaimOnceTable {
  private nextPurgeAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly sql: SqlStorage,
    private readonly table: string,
    private readonly key: string,
    private readonly purgeEvery = 0,
  ) {
    sql.exec(`
      CREATE TABLE IF NOT EXISTS ${table} (${key} TEXT PRIMARY KEY, expires_at INTEGER NOT NULL) WITHOUT ROWID;
      CREATE INDEX IF NOT EXISTS ${table}_expiry ON ${table} (expires_at);
    `);
  }

  /** Records `key` until `expiresAt`; true when it was new, or only remembered past its expiry. */
  claim(key: string, expiresAt: number, now: number): boolean {
    if (now >= this.nextPurgeAt) this.purgeExpired(now);
    return (
      this.sql.exec(
        `INSERT INTO ${this.table} (${this.key}, expires_at) VALUES (?, ?)
         ON CONFLICT (${this.key}) DO UPDATE SET expires_at = excluded.expires_at
         WHERE ${this.table}.expires_at < ?`,
        key,
        expiresAt,
        now,
      ).rowsWritten > 0
    );
  }

  /** Deletes the keys whose time has passed (`expires_at < now`); returns how many. */
  purgeExpired(now: number): number {
    this.nextPurgeAt = now + this.purgeEvery;
    return this.sql.exec(`DELETE FROM ${this.table} WHERE expires_at < ?`, now).rowsWritten;
  }

  /** How many keys are kept (for tests and benchmarks: expiry keeps this bounded). */
  size(): number {
    return this.sql.exec<{ n: number }>(`SELECT count(*) AS n FROM ${this.table}`).one().n;
  }
}
