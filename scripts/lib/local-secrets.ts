/**
 * Makes sure `.dev.vars` holds everything the local stack needs: a development Ed25519 key pair
 * (public half for the Workers, private seed for local tooling only), a Supabase ES256 signing key
 * (Maxis signs with it; the local Supabase trusts its public half) and publishable key, and the local
 * URLs and ids. Secrets are generated once and kept.
 */
import { randomBytes } from "node:crypto";
import { parseEs256PrivateJwk } from "../../src/maxis/supabase/signing-key";
import { readDevVars, writeDevVars } from "./dev-vars";
import { generateEd25519KeyPair } from "./ed25519";
import { LOCAL_ADMIN_ID, LOCAL_SERVER_VARS } from "./local-identities";
import { localPorts } from "./local-ports";
import { generateSigningKey, newPublishableKey } from "./supabase-keys";

export async function ensureLocalSecrets(): Promise<{ values: Record<string, string>; created: string[] }> {
  const values = readDevVars();
  const created: string[] = [];
  const setDefault = (key: string, value: string) => {
    if (values[key]) return;
    values[key] = value;
    created.push(key);
  };

  if (!values["DISCORD_PUBLIC_KEY"] || !values["DEV_DISCORD_PRIVATE_KEY"]) {
    const pair = await generateEd25519KeyPair();
    values["DISCORD_PUBLIC_KEY"] = pair.publicKey;
    values["DEV_DISCORD_PRIVATE_KEY"] = pair.privateKey;
    created.push("DISCORD_PUBLIC_KEY", "DEV_DISCORD_PRIVATE_KEY");
  }
  // Like a Supabase project created today: Maxis signs ES256 with this key (its kid in each token),
  // and the local Supabase verifies with its public half; the publishable key is the `apikey`.
  if (!parseEs256PrivateJwk(values["SUPABASE_JWT_SIGNING_KEY"] ?? "").ok) {
    values["SUPABASE_JWT_SIGNING_KEY"] = await generateSigningKey();
    created.push("SUPABASE_JWT_SIGNING_KEY");
  }
  setDefault("SUPABASE_PUBLISHABLE_KEY", newPublishableKey());
  // Written by earlier versions; nothing reads the legacy anon key any more.
  delete values["SUPABASE_ANON_KEY"];
  setDefault("OPERATOR_USER_IDS", LOCAL_ADMIN_ID);
  for (const [key, value] of Object.entries(LOCAL_SERVER_VARS)) setDefault(key, value);
  // Maxis posts giveaway messages with a bot token; the local Discord stand-in accepts any.
  setDefault("DISCORD_BOT_TOKEN", "local-development-bot-token");

  // The control API between the local Shellia and Maxis: one random key, held by both sides
  // (Maxis as CONTROL_KEYS, Shellia as its MAXIS_TARGETS entry); each Worker loads only its own.
  // Also when either is not JSON: earlier versions of this script wrote them with escaped quotes.
  if (!isJson(values["CONTROL_KEYS"]) || !isJson(values["MAXIS_TARGETS"])) {
    const secret = randomBytes(32).toString("hex");
    values["CONTROL_KEYS"] = JSON.stringify({ local: secret });
    values["MAXIS_TARGETS"] = JSON.stringify([{ name: "maxis", binding: "MAXIS", keyId: "local", secret }]);
    created.push("CONTROL_KEYS", "MAXIS_TARGETS");
  }
  // Maxis signs the dashboard's staff sessions with this (HMAC-SHA256).
  setDefault("SESSION_SECRET", randomBytes(32).toString("hex"));
  // Maxis signs members' transcript links with this (HMAC-SHA256).
  setDefault("TRANSCRIPT_LINK_SECRET", randomBytes(32).toString("hex"));
  // Dashboard sign-in through the Discord stand-in, which accepts any secret.
  setDefault("DISCORD_CLIENT_SECRET", "local-development-client-secret");
  // Payments against the local Stripe stand-in, which accepts any test key and signs its webhook
  // events with this secret, as Stripe signs them with an endpoint's.
  setDefault("STRIPE_SECRET_KEY", "sk_test_local_development");
  setDefault("STRIPE_WEBHOOK_SECRET", `whsec_${randomBytes(24).toString("hex")}`);

  // URLs follow the ports of this run, so they are rewritten every time.
  const ports = localPorts();
  values["SUPABASE_URL"] = `http://127.0.0.1:${ports.supabaseRest}`;
  values["DISCORD_API_BASE"] = `http://127.0.0.1:${ports.discordApi}/api/v10`;
  values["DASHBOARD_ORIGIN"] = `http://127.0.0.1:${ports.dashboard}`;
  values["DISCORD_OAUTH_AUTHORIZE_URL"] = `http://127.0.0.1:${ports.discordApi}/oauth2/authorize`;
  values["MAXIS_PUBLIC_URL"] = `http://127.0.0.1:${ports.maxis}`;
  values["DISCORD_OAUTH_REDIRECT_URI"] = `http://127.0.0.1:${ports.maxis}/auth/discord/callback`;
  values["STRIPE_API_BASE"] = `http://127.0.0.1:${ports.stripeApi}`;

  writeDevVars(values);
  return { values, created };
}

function isJson(value: string | undefined): boolean {
  if (!value) return false;
  try {
    JSON.parse(value);
    return true;
  } catch {
    return false;
  }
}
