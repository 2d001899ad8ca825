/**
 * Every OAuth `state` a sign-in has completed with, until it expires, so a state works once even if
 * its cookie and callback address are replayed together. One instance per Maxis: requests to one
 * object run one at a time and `claim` has no await inside, so two racing callbacks cannot both win.
 * Only states whose signed cookie checked out reach it, so it cannot be filled by strangers.
 */
import { DurableObject } from "cloudflare:workers";

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS used_states (state TEXT PRIMARY KEY, expires_at INTEGER NOT NULL) WITHOUT ROWID;
  CREATE INDEX IF NOT EXISTS used_states_expiry ON used_states (expires_at);
`;

export class OAuthStateLedger extends DurableObject<MaxisEnv> {
  constructor(ctx: DurableObjectState, env: MaxisEnv) {
    super(ctx, env);
    ctx.storage.sql.exec(SCHEMA);
  }

  /**
   * Records `state` and says whether it was new. `expiresAt` (Unix seconds) is when its cookie
   * expires: after that the cookie check refuses it anyway, so the row can go.
   */
  claim(state: string, expiresAt: number, now: number): boolean {
    const sql = this.ctx.storage.sql;
    sql.exec("DELETE FROM used_states WHERE expires_at <= ?", now);
    const inserted = sql.exec(
      "INSERT INTO used_states (state, expires_at) VALUES (?, ?) ON CONFLICT DO NOTHING",
      state,
      expiresAt,
    );
    return inserted.rowsWritten > 0;
  }
}

/** Claims an OAuth state for one sign-in: true the first time, false for a replay. */
export function claimOAuthState(
  env: Pick<MaxisEnv, "OAUTH_STATES">,
  state: string,
  expiresAt: number,
): Promise<boolean> {
  const ledger = env.OAUTH_STATES.get(env.OAUTH_STATES.idFromName("oauth-states"));
  return ledger.claim(state, expiresAt, Math.floor(Date.now() / 1000));
}
