import { sign } from "hono/jwt";
import { type RpcClient, rpcClient, type SupabaseBindings } from "../supabase/client";

/** One control call, one token: as short-lived as members' tokens. */
const TOKEN_LIFETIME_SECONDS = 60;

/**
 * Who Maxis is in Postgres when it acts for the control API, with no Discord member behind it:
 * `role` = service_role, `sub` = `control:<key id>` (the key that signed the call) or
 * `control:unverified` to record a refused call. Never used for a member's interaction.
 */
export function controlSubject(keyId: string | null): string {
  return `control:${keyId ?? "unverified"}`;
}

export async function signControlSystemJwt(
  jwtSecret: string,
  keyId: string | null,
  nowSeconds = Math.floor(Date.now() / 1000),
): Promise<string> {
  return sign(
    {
      sub: controlSubject(keyId),
      role: "service_role",
      iss: "maxis",
      iat: nowSeconds,
      exp: nowSeconds + TOKEN_LIFETIME_SECONDS,
    },
    jwtSecret,
    "HS256",
  );
}

export async function supabaseAsControl(env: SupabaseBindings, keyId: string | null): Promise<RpcClient> {
  const jwt = await signControlSystemJwt(env.SUPABASE_JWT_SECRET, keyId);
  return rpcClient(env, jwt);
}
