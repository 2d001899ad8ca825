import {
  type RpcClient,
  type SupabaseBindings,
  type SupabaseIdentity,
  supabaseAs,
  supabaseWithClaims,
} from "../supabase/client";

/**
 * Who asks the shop for something: a Discord member (their per-interaction JWT, RLS as them), or the
 * control API acting for an operator of Shellia (no Discord member behind it). The two never mix:
 * the system identity is only ever built from `{ kind: "control" }`, which no member input reaches.
 */
export type ShopActor = { kind: "member"; identity: SupabaseIdentity } | { kind: "control" };

export const CONTROL_ACTOR: ShopActor = { kind: "control" };

export async function supabaseFor(env: SupabaseBindings, actor: ShopActor): Promise<RpcClient> {
  if (actor.kind === "member") return supabaseAs(env, actor.identity);
  // A short-lived `service_role` token with `sub` = `control`, so rows it writes say who wrote them.
  return supabaseWithClaims(env, { sub: "control", role: "service_role" });
}
