import { type RpcClient, type SupabaseBindings, supabaseWithClaims } from "../supabase/client";

/**
 * Who Maxis is in Postgres when it writes the entitlement ledger: `role` = service_role, `sub` =
 * `payments`. Only ever used after a Stripe or Discord signature was checked, or by the scheduled
 * pass; the payment functions refuse every other caller.
 */
export async function supabaseAsPayments(env: SupabaseBindings): Promise<RpcClient> {
  return supabaseWithClaims(env, { sub: "payments", role: "service_role" });
}
