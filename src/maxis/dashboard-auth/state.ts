/**
 * The OAuth2 `state` of one sign-in, bound to the browser that started it: a random value sent to
 * Discord and kept, with where to return and an expiry, in a short-lived cookie Maxis signs (an HS256
 * JWT with its own audience, so it can never pass for a staff session signed with the same secret).
 * The callback accepts the code only when Discord hands back the same state as the cookie holds, so
 * an attacker cannot make a victim's browser finish a sign-in the attacker started (login CSRF).
 * The callback also claims the state in `OAuthStateLedger`, so it works once even if the cookie and
 * the callback address are replayed together.
 */
import { sign, verify } from "hono/jwt";
import * as v from "valibot";
import { randomBase64url } from "../../shared/base64url";
import { sessionSecret } from "./session-token";

export const STATE_COOKIE = "maxis_oauth_state";
/** Long enough to read Discord's consent screen, short enough that a stolen cookie is soon useless. */
export const STATE_TTL_SECONDS = 10 * 60;
const STATE_AUDIENCE = "maxis-oauth-state";

const StateClaims = v.object({ state: v.string(), return_to: v.string(), exp: v.number() });

export async function createOAuthState(
  secret: string,
  returnTo: string,
  nowSeconds = Math.floor(Date.now() / 1000),
): Promise<{ state: string; cookie: string }> {
  const state = randomBase64url(24);
  const claims = { state, return_to: returnTo, exp: nowSeconds + STATE_TTL_SECONDS, aud: STATE_AUDIENCE };
  return { state, cookie: await sign(claims, sessionSecret(secret), "HS256") };
}

/**
 * Where to return after sign-in, and when the state expires (Unix seconds), when the cookie is
 * genuine, unexpired and names `state`; else null.
 */
export async function checkOAuthState(
  secret: string,
  cookie: string | undefined,
  state: string | undefined,
  nowSeconds = Math.floor(Date.now() / 1000),
): Promise<{ returnTo: string; expiresAt: number } | null> {
  const key = sessionSecret(secret);
  if (!cookie || !state || cookie.length > 2048) return null;
  let claims: unknown;
  try {
    claims = await verify(cookie, key, { alg: "HS256", aud: STATE_AUDIENCE, exp: false });
  } catch {
    return null;
  }
  const parsed = v.safeParse(StateClaims, claims);
  if (!parsed.success || parsed.output.exp <= nowSeconds) return null;
  // Compared after the signature check; both are random and public to the browser anyway.
  if (parsed.output.state !== state) return null;
  return { returnTo: parsed.output.return_to, expiresAt: parsed.output.exp };
}
