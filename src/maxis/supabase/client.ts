import { PostgrestClient } from "@supabase/postgrest-js";
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

/** What Maxis may do with Supabase: call SQL functions (`.rpc()`), nothing else. */
export type RpcClient = Pick<PostgrestClient, "rpc">;

/** Re-signs a little before expiry, so a client used for several calls never sends a stale token. */
const RENEW_MARGIN_SECONDS = 10;

/** Enough for every member active in the last minute on one isolate; the oldest goes first beyond. */
const MAX_KEPT_TOKENS = 500;

/**
 * Signed tokens kept per isolate, by signing key and claims: the same member acting again within the
 * token's life (list, view, reply…) reuses the same claims' token instead of signing a new one, which
 * also lets Supabase's Data API (PostgREST's JWT cache) skip verifying it again. A token names only
 * what its claims say, so whoever gets it reused had exactly those claims.
 */
const keptTokens = new Map<string, { token: Promise<string>; renewAt: number }>();

function tokenFor(env: SupabaseBindings, claims: TokenClaims): Promise<string> {
  const key = `${env.SUPABASE_JWT_SIGNING_KEY ?? ""}\n${env.SUPABASE_JWT_SECRET ?? ""}\n${JSON.stringify(claims)}`;
  const now = Math.floor(Date.now() / 1000);
  const kept = keptTokens.get(key);
  if (kept && now < kept.renewAt) return kept.token;
  keptTokens.delete(key);
  if (keptTokens.size >= MAX_KEPT_TOKENS) {
    const oldest = keptTokens.keys().next().value;
    if (oldest !== undefined) keptTokens.delete(oldest);
  }
  const token = signSupabaseToken(env, claims, now);
  const entry = { token, renewAt: now + TOKEN_LIFETIME_SECONDS - RENEW_MARGIN_SECONDS };
  keptTokens.set(key, entry);
  token.catch(() => {
    if (keptTokens.get(key) === entry) keptTokens.delete(key);
  });
  return token;
}

/**
 * A REST client whose every request carries a JWT with `claims` (signed by Maxis, renewed before it
 * expires) and the project's publishable key as `apikey`. It is supabase-js's own PostgREST client
 * (what `supabase.rpc()` calls) without the auth, realtime, storage and functions clients
 * `createClient` builds around it, which Maxis never uses and which cost more CPU per interaction
 * than the call itself (load benchmark).
 */
export function supabaseWithClaims(env: SupabaseBindings, claims: TokenClaims): RpcClient {
  return new PostgrestClient(`${env.SUPABASE_URL.replace(/\/+$/, "")}/rest/v1`, {
    headers: { apikey: env.SUPABASE_PUBLISHABLE_KEY },
    fetch: async (input, init) => {
      const headers = new Headers(init?.headers);
      headers.set("Authorization", `Bearer ${await tokenFor(env, claims)}`);
      return fetch(input, { ...init, headers });
    },
  });
}

/**
 * A client that acts as one Discord user for one interaction: RLS applies to every call.
 * The service-role key is never used for user actions.
 */
export async function supabaseAs(env: SupabaseBindings, identity: SupabaseIdentity): Promise<RpcClient> {
  return supabaseWithClaims(env, memberClaims(identity));
}
