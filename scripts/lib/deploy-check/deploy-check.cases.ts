/** The settings an operator might get wrong, each as one change to a deployment that passes. */
import { publicJwks } from "../supabase-keys";
import type { DeployInput } from ".";
import { dropSecret, hex64, keys, legacyKey, maxisTargets, setSecret, setVar } from "./deploy-check.fixture";

export type Case = [
  description: string,
  change: (input: DeployInput) => void,
  where: string,
  message: RegExp,
];

export const errorCases: Case[] = [
  [
    "an empty var",
    setVar("maxis", "SUPABASE_PUBLISHABLE_KEY", ""),
    "maxis SUPABASE_PUBLISHABLE_KEY",
    /is empty/,
  ],
  [
    "the local Supabase URL left in",
    setVar("maxis", "SUPABASE_URL", "http://127.0.0.1:54321"),
    "maxis SUPABASE_URL",
    /https URL/,
  ],
  [
    "a secret key as the publishable key",
    setVar("maxis", "SUPABASE_PUBLISHABLE_KEY", "sb_secret_x"),
    "maxis SUPABASE_PUBLISHABLE_KEY",
    /secret key/,
  ],
  ["a missing required secret", dropSecret("maxis", "SESSION_SECRET"), "maxis SESSION_SECRET", /is missing/],
  ["an empty secret", setSecret("maxis", "DISCORD_BOT_TOKEN", " "), "maxis DISCORD_BOT_TOKEN", /is empty/],
  [
    "CONTROL_KEYS pasted over several lines",
    setSecret("maxis", "CONTROL_KEYS", "{"),
    "maxis CONTROL_KEYS",
    /not valid JSON.*first line/,
  ],
  [
    "a multi-line secret",
    setSecret("maxis", "DISCORD_CLIENT_SECRET", "a\nb"),
    "maxis DISCORD_CLIENT_SECRET",
    /several lines/,
  ],
  [
    "a short control secret",
    setSecret("maxis", "CONTROL_KEYS", '{"2026-11":"short"}'),
    "maxis CONTROL_KEYS",
    /shorter than 32/,
  ],
  [
    "MAXIS_TARGETS that is not JSON",
    setSecret("shellia", "MAXIS_TARGETS", "["),
    "shellia MAXIS_TARGETS",
    /not valid JSON/,
  ],
  [
    "a key id missing from CONTROL_KEYS",
    setSecret("shellia", "MAXIS_TARGETS", maxisTargets({ keyId: "2027-02" })),
    "shellia MAXIS_TARGETS",
    /"2027-02", which is missing from Maxis's CONTROL_KEYS \(2026-11\)/,
  ],
  [
    "a control secret that differs between the two",
    setSecret("shellia", "MAXIS_TARGETS", maxisTargets({ secret: hex64("d") })),
    "shellia MAXIS_TARGETS",
    /differs/,
  ],
  [
    "a binding Shellia does not have",
    setSecret("shellia", "MAXIS_TARGETS", maxisTargets({ binding: "MAXIS_EU" })),
    "shellia MAXIS_TARGETS",
    /not a \[\[services\]\] entry/,
  ],
  [
    "a signing key that is not JSON",
    setSecret("maxis", "SUPABASE_JWT_SIGNING_KEY", "-----BEGIN PRIVATE KEY-----"),
    "maxis SUPABASE_JWT_SIGNING_KEY",
    /not valid JSON/,
  ],
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
  [
    "no signing secret at all",
    dropSecret("maxis", "SUPABASE_JWT_SIGNING_KEY"),
    "maxis SUPABASE_JWT_SIGNING_KEY",
    /is missing/,
  ],
  [
    "a dashboard on another site than Maxis",
    setVar("maxis", "DASHBOARD_ORIGIN", "https://support.example.net"),
    "maxis DASHBOARD_ORIGIN",
    /not the same site.*active Cloudflare zone/,
  ],
  [
    "a dashboard on pages.dev",
    setVar("maxis", "DASHBOARD_ORIGIN", "https://maxis-dashboard.pages.dev"),
    "maxis DASHBOARD_ORIGIN",
    /on pages\.dev/,
  ],
  [
    "Maxis on workers.dev",
    setVar("maxis", "DISCORD_OAUTH_REDIRECT_URI", "https://maxis.me.workers.dev/auth/discord/callback"),
    "maxis DISCORD_OAUTH_REDIRECT_URI",
    /Custom Domain/,
  ],
  [
    "a dashboard origin with a trailing slash",
    setVar("maxis", "DASHBOARD_ORIGIN", "https://support.example.com/"),
    "maxis DASHBOARD_ORIGIN",
    /origin only/,
  ],
  [
    "a redirect that is not the callback",
    setVar("maxis", "DISCORD_OAUTH_REDIRECT_URI", "https://maxis.example.com/"),
    "maxis DISCORD_OAUTH_REDIRECT_URI",
    /auth\/discord\/callback/,
  ],
  [
    "a server id that is not a snowflake",
    setVar("maxis", "COMMAND_GUILD_IDS", "1300000000000000010, my-server"),
    "maxis COMMAND_GUILD_IDS",
    /my-server/,
  ],
  ["no operator", setVar("shellia", "OPERATOR_USER_IDS", ""), "shellia OPERATOR_USER_IDS", /is empty/],
  [
    "the same Discord key for both bots",
    setSecret("shellia", "DISCORD_PUBLIC_KEY", hex64("a")),
    "shellia DISCORD_PUBLIC_KEY",
    /two Discord applications/,
  ],
  [
    "a Discord public key that is not hex",
    setSecret("maxis", "DISCORD_PUBLIC_KEY", "not-hex"),
    "maxis DISCORD_PUBLIC_KEY",
    /64 hexadecimal/,
  ],
  [
    "a var set as a secret",
    setSecret("maxis", "SUPABASE_URL", "https://x.supabase.co"),
    "maxis SUPABASE_URL",
    /\[vars\] entry/,
  ],
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
  [
    "the legacy anon key",
    setVar("maxis", "SUPABASE_PUBLISHABLE_KEY", legacyKey("anon")),
    "maxis SUPABASE_PUBLISHABLE_KEY",
    /legacy anon key/,
  ],
  [
    "the legacy HS256 secret instead of a signing key",
    (i) => {
      delete i.maxis.secrets["SUPABASE_JWT_SIGNING_KEY"];
      i.maxis.secrets["SUPABASE_JWT_SECRET"] = "x".repeat(40);
    },
    "maxis SUPABASE_JWT_SECRET",
    /legacy HS256/,
  ],
  [
    "sign-in turned off",
    setVar("maxis", "DISCORD_OAUTH_REDIRECT_URI", ""),
    "maxis DISCORD_OAUTH_REDIRECT_URI",
    /sign-in is off/,
  ],
  [
    "a secret no Worker reads",
    setSecret("maxis", "SUPABASE_ANON_KEY", "eyJ"),
    "maxis SUPABASE_ANON_KEY",
    /not a secret maxis reads/,
  ],
];
