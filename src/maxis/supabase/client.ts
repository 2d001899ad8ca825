import { createClient, type SupabaseClient } from "@supabase/supabase-js";
import type { AppRole } from "../auth/app-role";
import type { SigningKeyBindings } from "./signing-key";
import { signSupabaseToken, TOKEN_LIFETIME_SECONDS, type TokenClaims } from "./token";

/** Who is acting, as Postgres policies will see it through `auth.jwt()`. */
export interface SupabaseIdentity {
  /** Discord user id (a snowflake, not a UUID: policies never use `auth.uid()`). */
  userId: string;
  appRole: AppRole;
  guildId: string | null;
  /** The member's Discord role ids in that server: the per-category policies read them (`roles`). */
  roleIds: readonly string[];
}

/**
 * What Maxis needs to reach Supabase: the project URL, its publishable key (sent as `apikey`, as
 * every Data API request needs) and the key that signs Maxis's own JWTs (see signing-key.ts).
 */
export interface SupabaseBindings extends SigningKeyBindings {
  SUPABASE_URL: string;
  SUPABASE_PUBLISHABLE_KEY: string;
}

/** The claims of a member's token: RLS reads `sub`, `app_role`, `guild_id` and `roles`. */
export function memberClaims(identity: SupabaseIdentity): TokenClaims {
  return {
    sub: identity.userId,
    role: "authenticated",
    app_role: identity.appRole,
    guild_id: identity.guildId,
    roles: identity.roleIds,
  };
}

/** Re-signs a little before expiry, so a client used for several calls never sends a stale token. */
const RENEW_MARGIN_SECONDS = 10;

/**
 * A supabase-js client whose every request carries a JWT with `claims`, signed by Maxis and passed
 * through the `accessToken` option (so supabase-js never tries to manage a session of its own).
 */
export function supabaseWithClaims(env: SupabaseBindings, claims: TokenClaims): SupabaseClient {
  let current: { token: Promise<string>; renewAt: number } | undefined;
  const accessToken = () => {
    const now = Math.floor(Date.now() / 1000);
    if (!current || now >= current.renewAt) {
      const token = signSupabaseToken(env, claims, now);
      current = { token, renewAt: now + TOKEN_LIFETIME_SECONDS - RENEW_MARGIN_SECONDS };
      token.catch(() => {
        current = undefined;
      });
    }
    return current.token;
  };
  return createClient(env.SUPABASE_URL, env.SUPABASE_PUBLISHABLE_KEY, {
    accessToken,
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
  });
}

/**
 * A supabase-js client that acts as one Discord user for one interaction: RLS applies to every call.
 * The service-role key is never used for user actions.
 */
export async function supabaseAs(env: SupabaseBindings, identity: SupabaseIdentity): Promise<SupabaseClient> {
  return supabaseWithClaims(env, memberClaims(identity));
}
