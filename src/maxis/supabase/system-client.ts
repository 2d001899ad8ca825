import { type RpcClient, type SupabaseBindings, supabaseWithClaims } from "./client";

/**
 * Maxis itself in Postgres, with no member behind it: a `service_role` JWT whose `sub` names the job
 * (`maxis:settings` creates a server's settings and records members' roles). Built from nothing a
 * member sends; the functions it calls accept no other role.
 */
export async function supabaseAsMaxis(env: SupabaseBindings, job: "maxis:settings"): Promise<RpcClient> {
  return supabaseWithClaims(env, { sub: job, role: "service_role" });
}
