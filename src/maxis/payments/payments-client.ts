import { createClient, type SupabaseClient } from "@supabase/supabase-js";
import { sign } from "hono/jwt";
import type { SupabaseBindings } from "../supabase/client";

/** One webhook or one scheduled pass, one token. */
const TOKEN_LIFETIME_SECONDS = 60;

/**
 * Who Maxis is in Postgres when it writes the entitlement ledger: `role` = service_role, `sub` =
 * `payments`. Only ever used after a Stripe or Discord signature was checked, or by the scheduled
 * pass; the payment functions refuse every other caller.
 */
export async function supabaseAsPayments(env: SupabaseBindings): Promise<SupabaseClient> {
  const now = Math.floor(Date.now() / 1000);
  const jwt = await sign(
    { sub: "payments", role: "service_role", iss: "maxis", iat: now, exp: now + TOKEN_LIFETIME_SECONDS },
    env.SUPABASE_JWT_SECRET,
    "HS256",
  );
  return createClient(env.SUPABASE_URL, env.SUPABASE_ANON_KEY, {
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
    global: { headers: { Authorization: `Bearer ${jwt}` } },
  });
}
