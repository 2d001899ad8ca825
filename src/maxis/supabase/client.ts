import { createClient, type SupabaseClient } from "@supabase/supabase-js";
import { sign } from "hono/jwt";
import type { AppRole } from "../auth/app-role";

/** Who is acting, as Postgres policies will see it through `auth.jwt()`. */
export interface SupabaseIdentity {
  /** Discord user id (a snowflake, not a UUID: policies never use `auth.uid()`). */
  userId: string;
  appRole: AppRole;
  guildId: string | null;
  /** The member's Discord role ids in that server: the per-category policies read them (`roles`). */
  roleIds: readonly string[];
}

/** Long enough for one interaction's single call, short enough to be useless if it leaks. */
const TOKEN_LIFETIME_SECONDS = 60;

export async function signSupabaseJwt(
  jwtSecret: string,
  identity: SupabaseIdentity,
  nowSeconds = Math.floor(Date.now() / 1000),
): Promise<string> {
  return sign(
    {
      sub: identity.userId,
      role: "authenticated",
      app_role: identity.appRole,
      guild_id: identity.guildId,
      roles: identity.roleIds,
      iss: "maxis",
      iat: nowSeconds,
      exp: nowSeconds + TOKEN_LIFETIME_SECONDS,
    },
    jwtSecret,
    "HS256",
  );
}

export interface SupabaseBindings {
  SUPABASE_URL: string;
  SUPABASE_ANON_KEY: string;
  SUPABASE_JWT_SECRET: string;
}

/**
 * A supabase-js client that acts as one Discord user for one interaction: RLS applies to every call.
 * The service-role key is never used for user actions.
 */
export async function supabaseAs(env: SupabaseBindings, identity: SupabaseIdentity): Promise<SupabaseClient> {
  const jwt = await signSupabaseJwt(env.SUPABASE_JWT_SECRET, identity);
  return createClient(env.SUPABASE_URL, env.SUPABASE_ANON_KEY, {
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
    global: { headers: { Authorization: `Bearer ${jwt}` } },
  });
}
