import { createClient, type SupabaseClient } from "@supabase/supabase-js";
import { sign } from "hono/jwt";
import type { SupabaseBindings } from "./client";

/** As short-lived as members' tokens: one operation, one token. */
const TOKEN_LIFETIME_SECONDS = 60;

/**
 * Maxis itself in Postgres, with no member behind it: a `service_role` JWT whose `sub` names the job
 * (`maxis:settings` creates a server's settings and records members' roles). Built from nothing a
 * member sends; the functions it calls accept no other role.
 */
export async function supabaseAsMaxis(
  env: SupabaseBindings,
  job: "maxis:settings",
  nowSeconds = Math.floor(Date.now() / 1000),
): Promise<SupabaseClient> {
  const jwt = await sign(
    {
      sub: job,
      role: "service_role",
      iss: "maxis",
      iat: nowSeconds,
      exp: nowSeconds + TOKEN_LIFETIME_SECONDS,
    },
    env.SUPABASE_JWT_SECRET,
    "HS256",
  );
  return createClient(env.SUPABASE_URL, env.SUPABASE_ANON_KEY, {
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
    global: { headers: { Authorization: `Bearer ${jwt}` } },
  });
}
