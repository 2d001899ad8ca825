/**
 * The OAuth2 `state` of one sign-in, bound to the browser that started it: a random value sent to
 * Discord and kept, with where to return and an expiry, in a short-lived cookie signed by Maxis.
 * The callback accepts the code only when Discord hands back the same state as the cookie holds, so
 * an attacker cannot make a victim's browser finish a sign-in the attacker started (login CSRF).
 *
 *   cookie = <state>.<base64url(return_to)>.<exp>.<base64url(HMAC-SHA256(secret, "oauth-state:" …))>
 */
export const STATE_COOKIE = "maxis_oauth_state";
/** Long enough to read Discord's consent screen, short enough that a stolen cookie is soon useless. */
export const STATE_TTL_SECONDS = 10 * 60;

const encoder = new TextEncoder();

const base64url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");

function fromBase64url(text: string): Uint8Array<ArrayBuffer> | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  try {
    return Uint8Array.from(atob(text.replace(/-/g, "+").replace(/_/g, "/")), (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

async function key(secret: string): Promise<CryptoKey> {
  if (secret.length < 32) throw new Error("SESSION_SECRET is missing or too short");
  return crypto.subtle.importKey("raw", encoder.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, [
    "sign",
    "verify",
  ]);
}

/** A purpose prefix, so a state signature can never pass for a session signature (same secret). */
const signed = (state: string, returnTo: string, exp: number) => `oauth-state:${state}.${returnTo}.${exp}`;

export async function createOAuthState(
  secret: string,
  returnTo: string,
  nowSeconds = Math.floor(Date.now() / 1000),
): Promise<{ state: string; cookie: string }> {
  const state = base64url(crypto.getRandomValues(new Uint8Array(24)));
  const target = base64url(encoder.encode(returnTo));
  const exp = nowSeconds + STATE_TTL_SECONDS;
  const mac = await crypto.subtle.sign("HMAC", await key(secret), encoder.encode(signed(state, target, exp)));
  return { state, cookie: `${state}.${target}.${exp}.${base64url(new Uint8Array(mac))}` };
}

/** Where to return after sign-in when the cookie is genuine, unexpired and names `state`; else null. */
export async function checkOAuthState(
  secret: string,
  cookie: string | undefined,
  state: string | undefined,
  nowSeconds = Math.floor(Date.now() / 1000),
): Promise<{ returnTo: string } | null> {
  if (!cookie || !state || cookie.length > 1024) return null;
  const [cookieState = "", target = "", expText = "", mac = "", ...rest] = cookie.split(".");
  const signature = fromBase64url(mac);
  if (rest.length || !signature || !/^\d{1,12}$/.test(expText)) return null;
  const exp = Number(expText);
  const valid = await crypto.subtle.verify(
    "HMAC",
    await key(secret),
    signature,
    encoder.encode(signed(cookieState, target, exp)),
  );
  if (!valid || exp <= nowSeconds) return null;
  // Compared after the signature check; both are random and public to the browser anyway.
  if (cookieState !== state) return null;
  const returnTo = fromBase64url(target);
  return returnTo ? { returnTo: new TextDecoder().decode(returnTo) } : null;
}
