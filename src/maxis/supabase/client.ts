import { PostgrestClient } from "@supabase/postgrest-js";
import { sign } from "hono/jwt";
import type { AppRole } from "../auth/app-role";

/** Who is acting, as Postgres policies will see it through `auth.jwt()`. */
export interface SupabaseIdentity {
  /** Discord user id (a snowflake, not a UUID: policies never use `auth.uid()`). */
  userId: string;
  appRole: AppRole;
  guildId: string | null;
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

/** What Maxis may do with Supabase: call SQL functions (`.rpc()`), nothing else. */
export type RpcClient = Pick<PostgrestClient, "rpc">;

/**
 * The REST client for one JWT: supabase-js's own PostgREST client (what `supabase.rpc()` calls),
 * without the auth, realtime, storage and functions clients `createClient` builds around it, which
 * Maxis never uses and which cost more CPU per interaction than the call itself (load benchmark).
 */
export function rpcClient(
  env: Pick<SupabaseBindings, "SUPABASE_URL" | "SUPABASE_ANON_KEY">,
  jwt: string,
): RpcClient {
  return new PostgrestClient(`${env.SUPABASE_URL.replace(/\/+$/, "")}/rest/v1`, {
    headers: { apikey: env.SUPABASE_ANON_KEY, Authorization: `Bearer ${jwt}` },
  });
}

/**
 * A client that acts as one Discord user for one interaction: RLS applies to every call.
 * The service-role key is never used for user actions.
 */
export async function supabaseAs(env: SupabaseBindings, identity: SupabaseIdentity): Promise<RpcClient> {
  return rpcClient(env, await signSupabaseJwt(env.SUPABASE_JWT_SECRET, identity));
}
