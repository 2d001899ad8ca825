/**
 * The member's earlier checkouts for a plan, closed at Stripe before a new one is shown: an open one is
 * expired, so two checkouts can never both be paid. Stripe refuses to expire a session that is not open
 * (already expired, or paid a moment ago); its status then says which.
 */
import type { CheckoutClosure } from "./ledger";
import {
  expireCheckoutSession,
  retrieveCheckoutSession,
  StripeApiError,
  type StripeBindings,
} from "./stripe-api";

async function closeCheckout(env: StripeBindings, sessionId: string): Promise<CheckoutClosure> {
  try {
    await expireCheckoutSession(env, sessionId);
    return { session_id: sessionId, status: "expired" };
  } catch (error) {
    if (!(error instanceof StripeApiError)) throw error;
    // Unknown to Stripe (say, the local stand-in restarted): nobody can pay it.
    if (error.status === 404 && error.code === "resource_missing")
      return { session_id: sessionId, status: "expired" };
    if (error.status !== 400) throw error;
  }
  const session = await retrieveCheckoutSession(env, sessionId);
  if (session.status === "open") throw new Error(`Stripe would not expire open checkout ${sessionId}`);
  return { session_id: sessionId, status: session.status };
}

/** Each session's state once closed; throws when one may still be payable. */
export const closeCheckouts = (env: StripeBindings, sessionIds: readonly string[]) =>
  Promise.all(sessionIds.map((id) => closeCheckout(env, id)));
