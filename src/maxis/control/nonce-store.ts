/**
 * Every control nonce seen within the timestamp window, so none is accepted twice. One instance per
 * Maxis: a Durable Object is strongly consistent, so two isolates racing with the same nonce cannot
 * both win (the shared `ClaimOnceTable`, table `nonces`, purged before every claim).
 */
import { DurableObject } from "cloudflare:workers";
import { ClaimOnceTable } from "../../shared/claim-once";

export class ControlNonceStore extends DurableObject<MaxisEnv> {
  private readonly nonces: ClaimOnceTable;

  constructor(ctx: DurableObjectState, env: MaxisEnv) {
    super(ctx, env);
    this.nonces = new ClaimOnceTable(ctx.storage.sql, "nonces", "nonce");
  }

  /**
   * Records the nonce and says whether it was new. `expiresAt` (ms) is when its timestamp leaves the
   * window: after that the signature check refuses the request anyway, so the row can go.
   */
  claim(nonce: string, expiresAt: number): boolean {
    return this.nonces.claim(nonce, expiresAt, Date.now());
  }

  /** How many nonces are kept (for tests and the bench: expiry keeps this bounded). */
  size(): number {
    return this.nonces.size();
  }
}

export function nonceStore(env: Pick<MaxisEnv, "CONTROL_NONCES">) {
  return env.CONTROL_NONCES.get(env.CONTROL_NONCES.idFromName("control"));
}
