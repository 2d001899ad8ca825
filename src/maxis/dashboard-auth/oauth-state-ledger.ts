/**
 * Every OAuth `state` a sign-in has completed with, until it expires, so a state works once even if
 * its cookie and callback address are replayed together. One instance per Maxis: requests to one
 * object run one at a time and `claim` has no await inside (the shared `ClaimOnceTable`, table
 * `used_states`), so two racing callbacks cannot both win. Only states whose signed cookie checked
 * out reach it, so it cannot be filled by strangers.
 */
import { DurableObject } from "cloudflare:workers";
import { ClaimOnceTable } from "../../shared/claim-once";

export class OAuthStateLedger extends DurableObject<MaxisEnv> {
  private readonly states: ClaimOnceTable;

  constructor(ctx: DurableObjectState, env: MaxisEnv) {
    super(ctx, env);
    this.states = new ClaimOnceTable(ctx.storage.sql, "used_states", "state");
  }

  /**
   * Records `state` and says whether it was new. `expiresAt` (Unix seconds) is when its cookie
   * expires: after that the cookie check refuses it anyway, so the row can go.
   */
  claim(state: string, expiresAt: number, now: number): boolean {
    // Whole seconds: a state is spent from its expiry second on (`expires_at <= now`), which is
    // `expires_at < now + 1` in the table's terms.
    return this.states.claim(state, expiresAt, now + 1);
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
