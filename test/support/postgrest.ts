/**
 * One RPC to the local Supabase REST stand-in as PostgREST receives it from an API client: the
 * publishable key, and a JWT signed with the project's signing key carrying `claims` (role, sub…).
 * Runs in Node and in workerd alike.
 */
import { sign } from "hono/jwt";

export interface RestStandIn {
  restUrl: string;
  publishableKey: string;
  signingKey: string;
}

export async function rpcAs(
  supabase: RestStandIn,
  claims: Record<string, unknown>,
  fn: string,
  args: Record<string, unknown>,
): Promise<{ status: number; json: unknown }> {
  const now = Math.floor(Date.now() / 1000);
  const jwt = await sign(
    { iat: now, exp: now + 60, ...claims },
    JSON.parse(supabase.signingKey) as JsonWebKey,
  );
  const response = await fetch(`${supabase.restUrl}/rest/v1/rpc/${fn}`, {
    method: "POST",
    headers: {
      apikey: supabase.publishableKey,
      Authorization: `Bearer ${jwt}`,
      "Content-Type": "application/json",
    },
    body: JSON.stringify(args),
  });
  const text = await response.text();
  return { status: response.status, json: (text ? JSON.parse(text) : null) as unknown };
}
