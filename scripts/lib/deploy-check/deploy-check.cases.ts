/** The settings an operator might get wrong, each as one change to a deployment that passes. */
import { publicJwks } from "../supabase-keys";
import type { DeployInput } from ".";
import {
  dropSecret,
  hex64,
  keys,
  legacyKey,
  maxisTargets,
  setSecret,
  setVar,
  type WorkerName,
} from "./deploy-check.fixture";

export type Case = [
  description: string,
  change: (input: DeployInput) => void,
  where: string,
  message: RegExp,
];

/** A case that changes one var, one secret, or removes one secret, found at "<worker> <name>". */
const varCase = (
  description: string,
  worker: WorkerName,
  name: string,
  value: string,
  message: RegExp,
): Case => [description, setVar(worker, name, value), `${worker} ${name}`, message];
const secretCase = (
  description: string,
  worker: WorkerName,
  name: string,
  value: string,
  message: RegExp,
): Case => [description, setSecret(worker, name, value), `${worker} ${name}`, message];
const missingSecretCase = (description: string, worker: WorkerName, name: string, message: RegExp): Case => [
  description,
  dropSecret(worker, name),
  `${worker} ${name}`,
  message,
];

export const errorCases: Case[] = [
  varCase("an empty var", "maxis", "SUPABASE_PUBLISHABLE_KEY", "", /is empty/),
  varCase("the local Supabase URL left in", "maxis", "SUPABASE_URL", "http://127.0.0.1:54321", /https URL/),
  varCase(
    "a secret key as the publishable key",
    "maxis",
    "SUPABASE_PUBLISHABLE_KEY",
    "sb_secret_x",
    /secret key/,
  ),
  ["a missing required secret", dropSecret("maxis", "SESSION_SECRET"), "maxis SESSION_SECRET", /is missing/],
  ["an empty secret", setSecret("maxis", "DISCORD_BOT_TOKEN", " "), "maxis DISCORD_BOT_TOKEN", /is empty/],
  secretCase(
    "CONTROL_KEYS pasted over several lines",
    "maxis",
    "CONTROL_KEYS",
    "{",
    /not valid JSON.*first line/,
  ),
  secretCase("a multi-line secret", "maxis", "DISCORD_CLIENT_SECRET", "a\nb", /several lines/),
  secretCase("a short control secret", "maxis", "CONTROL_KEYS", '{"2026-11":"short"}', /shorter than 32/),
  secretCase("MAXIS_TARGETS that is not JSON", "shellia", "MAXIS_TARGETS", "[", /not valid JSON/),
  secretCase(
    "a key id missing from CONTROL_KEYS",
    "shellia",
    "MAXIS_TARGETS",
    maxisTargets({ keyId: "2027-02" }),
    /"2027-02", which is missing from Maxis's CONTROL_KEYS \(2026-11\)/,
  ),
  secretCase(
    "a control secret that differs between the two",
    "shellia",
    "MAXIS_TARGETS",
    maxisTargets({ secret: hex64("d") }),
    /differs/,
  ),
  secretCase(
    "a binding Shellia does not have",
    "shellia",
    "MAXIS_TARGETS",
    maxisTargets({ binding: "MAXIS_EU" }),
    /not a \[\[services\]\] entry/,
  ),
  secretCase(
    "a signing key that is not JSON",
    "maxis",
    "SUPABASE_JWT_SIGNING_KEY",
    "-----BEGIN PRIVATE KEY-----",
    /not valid JSON/,
  ),
  [
    "a public key instead of the private one",
    (i) => {
      const { d: _private, ...publicOnly } = JSON.parse(keys.signing) as Record<string, unknown>;
      i.maxis.secrets["SUPABASE_JWT_SIGNING_KEY"] = JSON.stringify(publicOnly);
    },
    "maxis SUPABASE_JWT_SIGNING_KEY",
    /public key, not the private key/,
  ],
  [
    "a signing key without a kid",
    (i) => {
      const { kid: _kid, ...rest } = JSON.parse(keys.signing) as Record<string, unknown>;
      i.maxis.secrets["SUPABASE_JWT_SIGNING_KEY"] = JSON.stringify(rest);
    },
    "maxis SUPABASE_JWT_SIGNING_KEY",
    /no "kid"/,
  ],
  [
    "an RS256 key",
    (i) => {
      i.maxis.secrets["SUPABASE_JWT_SIGNING_KEY"] = JSON.stringify({
        kty: "RSA",
        kid: "k",
        n: "x",
        e: "AQAB",
        d: "y",
      });
    },
    "maxis SUPABASE_JWT_SIGNING_KEY",
    /not an ES256 key/,
  ],
  [
    "a private part that belongs to another key",
    (i) => {
      const mixed = {
        ...(JSON.parse(keys.signing) as object),
        d: (JSON.parse(keys.other) as { d: string }).d,
      };
      i.maxis.secrets["SUPABASE_JWT_SIGNING_KEY"] = JSON.stringify(mixed);
    },
    "maxis SUPABASE_JWT_SIGNING_KEY",
    /does not sign/,
  ],
  [
    "a kid the project's JWKS does not list",
    (i) => {
      i.jwks = { keys: publicJwks([keys.other]) };
    },
    "maxis SUPABASE_JWT_SIGNING_KEY",
    /is not in the project's JWKS/,
  ],
  [
    "a kid the JWKS lists with another public key",
    (i) => {
      i.jwks = {
        keys: [{ ...publicJwks([keys.other])[0], kid: (JSON.parse(keys.signing) as { kid: string }).kid }],
      };
    },
    "maxis SUPABASE_JWT_SIGNING_KEY",
    /the kid matches, the public key does not/,
  ],
  missingSecretCase("no signing secret at all", "maxis", "SUPABASE_JWT_SIGNING_KEY", /is missing/),
  varCase(
    "a dashboard on another site than Maxis",
    "maxis",
    "DASHBOARD_ORIGIN",
    "https://support.example.net",
    /not the same site.*active Cloudflare zone/,
  ),
  varCase(
    "a dashboard on pages.dev",
    "maxis",
    "DASHBOARD_ORIGIN",
    "https://maxis-dashboard.pages.dev",
    /on pages\.dev/,
  ),
  varCase(
    "Maxis on workers.dev",
    "maxis",
    "DISCORD_OAUTH_REDIRECT_URI",
    "https://maxis.me.workers.dev/auth/discord/callback",
    /Custom Domain/,
  ),
  varCase(
    "a dashboard origin with a trailing slash",
    "maxis",
    "DASHBOARD_ORIGIN",
    "https://support.example.com/",
    /origin only/,
  ),
  varCase(
    "a redirect that is not the callback",
    "maxis",
    "DISCORD_OAUTH_REDIRECT_URI",
    "https://maxis.example.com/",
    /auth\/discord\/callback/,
  ),
  varCase(
    "a server id that is not a snowflake",
    "maxis",
    "COMMAND_GUILD_IDS",
    "1300000000000000010, my-server",
    /my-server/,
  ),
  ["no operator", setVar("shellia", "OPERATOR_USER_IDS", ""), "shellia OPERATOR_USER_IDS", /is empty/],
  secretCase(
    "the same Discord key for both bots",
    "shellia",
    "DISCORD_PUBLIC_KEY",
    hex64("a"),
    /two Discord applications/,
  ),
  secretCase(
    "a Discord public key that is not hex",
    "maxis",
    "DISCORD_PUBLIC_KEY",
    "not-hex",
    /64 hexadecimal/,
  ),
  secretCase("a var set as a secret", "maxis", "SUPABASE_URL", "https://x.supabase.co", /\[vars\] entry/),
  [
    "a table without row level security",
    (i) =>
      void i.migrations.push({
        name: "20261201000000_notes.sql",
        sql: "create table public.notes (id int);",
      }),
    "supabase/migrations/20261201000000_notes.sql",
    /without enabling row level security/,
  ],
  [
    "two migrations with one version",
    (i) => void i.migrations.push({ name: "20261124000000_again.sql", sql: "select 1;" }),
    "supabase/migrations/20261124000000_again.sql",
    /same version/,
  ],
  [
    "a migration name the CLI skips",
    (i) => void i.migrations.push({ name: "fix.sql", sql: "select 1;" }),
    "supabase/migrations/fix.sql",
    /not named/,
  ],
];

export const warningCases: Case[] = [
  varCase("the legacy anon key", "maxis", "SUPABASE_PUBLISHABLE_KEY", legacyKey("anon"), /legacy anon key/),
  [
    "the legacy HS256 secret instead of a signing key",
    (i) => {
      delete i.maxis.secrets["SUPABASE_JWT_SIGNING_KEY"];
      i.maxis.secrets["SUPABASE_JWT_SECRET"] = "x".repeat(40);
    },
    "maxis SUPABASE_JWT_SECRET",
    /legacy HS256/,
  ],
  varCase("sign-in turned off", "maxis", "DISCORD_OAUTH_REDIRECT_URI", "", /sign-in is off/),
  secretCase("a secret no Worker reads", "maxis", "SUPABASE_ANON_KEY", "eyJ", /not a secret maxis reads/),
];
