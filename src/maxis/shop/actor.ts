import { sign } from "hono/jwt";
import {
  type RpcClient,
  rpcClient,
  type SupabaseBindings,
  type SupabaseIdentity,
  supabaseAs,
} from "../supabase/client";

/**
 * Who asks the shop for something: a Discord member (their per-interaction JWT, RLS as them), or the
 * control API acting for an operator of Shellia (no Discord member behind it). The two never mix:
 * the system identity is only ever built from `{ kind: "control" }`, which no member input reaches.
 */
export type ShopActor = { kind: "member"; identity: SupabaseIdentity } | { kind: "control" };

export const CONTROL_ACTOR: ShopActor = { kind: "control" };

/** Short-lived, like member tokens: one operation, one token. */
const CONTROL_TOKEN_LIFETIME_SECONDS = 60;

/** A `service_role` JWT with `sub` = `control`, so rows it writes say who wrote them. */
export async function signControlJwt(jwtSecret: string, nowSeconds = Math.floor(Date.now() / 1000)) {
  return sign(
    {
      sub: "control",
      role: "service_role",
      iss: "maxis",
      iat: nowSeconds,
      exp: nowSeconds + CONTROL_TOKEN_LIFETIME_SECONDS,
    },
    jwtSecret,
    "HS256",
  );
}

export async function supabaseFor(env: SupabaseBindings, actor: ShopActor): Promise<RpcClient> {
  if (actor.kind === "member") return supabaseAs(env, actor.identity);
  const jwt = await signControlJwt(env.SUPABASE_JWT_SECRET);
  return rpcClient(env, jwt);
}
