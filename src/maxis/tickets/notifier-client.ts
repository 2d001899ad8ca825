import { sign } from "hono/jwt";
import { type RpcClient, rpcClient, type SupabaseBindings } from "../supabase/client";

/** As short-lived as members' tokens: one notification, one token. */
const TOKEN_LIFETIME_SECONDS = 60;

/**
 * Who Maxis is in Postgres when it records what Discord did with a ticket (its staff post, a refused
 * DM): `role` = service_role, `sub` = `maxis:notify`. Built here from nothing a member sends; the
 * ticket functions it calls (ticket_record_staff_post, ticket_record_dm, ticket_staff_post) accept no
 * other role, and no member interaction ever gets this client.
 */
export async function supabaseAsNotifier(
  env: SupabaseBindings,
  nowSeconds = Math.floor(Date.now() / 1000),
): Promise<RpcClient> {
  const jwt = await sign(
    {
      sub: "maxis:notify",
      role: "service_role",
      iss: "maxis",
      iat: nowSeconds,
      exp: nowSeconds + TOKEN_LIFETIME_SECONDS,
    },
    env.SUPABASE_JWT_SECRET,
    "HS256",
  );
  return rpcClient(env, jwt);
}
