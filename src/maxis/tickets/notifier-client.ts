import { type RpcClient, type SupabaseBindings, supabaseWithClaims } from "../supabase/client";

/**
 * Who Maxis is in Postgres when it records what Discord did with a ticket (its staff post, a refused
 * DM): `role` = service_role, `sub` = `maxis:notify`. Built here from nothing a member sends; the
 * ticket functions it calls (ticket_record_staff_post, ticket_record_dm, ticket_staff_post) accept no
 * other role, and no member interaction ever gets this client.
 */
export async function supabaseAsNotifier(env: SupabaseBindings): Promise<RpcClient> {
  return supabaseWithClaims(env, { sub: "maxis:notify", role: "service_role" });
}
