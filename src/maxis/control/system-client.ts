import { type RpcClient, type SupabaseBindings, supabaseWithClaims } from "../supabase/client";

/**
 * Who Maxis is in Postgres when it acts for the control API, with no Discord member behind it:
 * `role` = service_role, `sub` = `control:<key id>` (the key that signed the call) or
 * `control:unverified` to record a refused call. Never used for a member's interaction.
 */
export function controlSubject(keyId: string | null): string {
  return `control:${keyId ?? "unverified"}`;
}

/** One control call, one short-lived token (see supabase/token.ts). */
export async function supabaseAsControl(env: SupabaseBindings, keyId: string | null): Promise<RpcClient> {
  return supabaseWithClaims(env, { sub: controlSubject(keyId), role: "service_role" });
}
