/**
 * Every control nonce seen within the timestamp window, so none is accepted twice. One instance per
 * Maxis: a Durable Object is strongly consistent, so two isolates racing with the same nonce cannot
 * both win (requests to one object run one at a time, and `claim` has no await inside).
 */
import { DurableObject } from "cloudflare:workers";

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS nonces (nonce TEXT PRIMARY KEY, expires_at INTEGER NOT NULL) WITHOUT ROWID;
  CREATE INDEX IF NOT EXISTS nonces_expiry ON nonces (expires_at);
`;

export class ControlNonceStore extends DurableObject<MaxisEnv> {
  constructor(ctx: DurableObjectState, env: MaxisEnv) {
    super(ctx, env);
    ctx.storage.sql.exec(SCHEMA);
  }

  /**
   * Records the nonce and says whether it was new. `expiresAt` (ms) is when its timestamp leaves the
   * window: after that the signature check refuses the request anyway, so the row can go.
   */
  claim(nonce: string, expiresAt: number): boolean {
    const sql = this.ctx.storage.sql;
    sql.exec("DELETE FROM nonces WHERE expires_at < ?", Date.now());
    const inserted = sql.exec(
      "INSERT INTO nonces (nonce, expires_at) VALUES (?, ?) ON CONFLICT DO NOTHING",
      nonce,
      expiresAt,
    );
    return inserted.rowsWritten > 0;
  }

  /** How many nonces are kept (for tests and the bench: expiry keeps this bounded). */
  size(): number {
    return this.ctx.storage.sql.exec<{ n: number }>("SELECT count(*) AS n FROM nonces").one().n;
  }
}

export function nonceStore(env: Pick<MaxisEnv, "CONTROL_NONCES">) {
  return env.CONTROL_NONCES.get(env.CONTROL_NONCES.idFromName("control"));
}
