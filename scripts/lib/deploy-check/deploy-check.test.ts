/** deploy:check's judgement on a table of settings an operator might get wrong. */
import { beforeAll, describe, expect, it } from "vitest";
import { generateSigningKey, publicJwks } from "../supabase-keys";
import { checkDeployment, type DeployInput, formatFindings } from ".";

const hex64 = (digit: string) => digit.repeat(64);
const controlSecret = hex64("c");
let signingKey: string;
let otherKey: string;

beforeAll(async () => {
  signingKey = await generateSigningKey();
  otherKey = await generateSigningKey();
});

/** A deployment that passes: every case below breaks one thing of it. */
function validInput(): DeployInput {
  return {
    maxis: {
      name: "maxis",
      configPath: "wrangler.maxis.toml",
      vars: {
        DISCORD_API_BASE: "https://discord.com/api/v10",
        SUPABASE_URL: "https://abcdefghijklmnop.supabase.co",
        SUPABASE_PUBLISHABLE_KEY: "sb_publishable_abc123",
        STAFF_ROLE_ID: "1300000000000000030",
        DISCORD_APPLICATION_ID: "1300000000000000001",
        COMMAND_GUILD_IDS: "1300000000000000010",
        TICKET_STAFF_CHANNEL_ID: "1300000000000000040",
        DASHBOARD_ORIGIN: "https://support.example.com",
        DISCORD_GUILD_ID: "1300000000000000010",
        DISCORD_OAUTH_AUTHORIZE_URL: "https://discord.com/oauth2/authorize",
        DISCORD_OAUTH_REDIRECT_URI: "https://maxis.example.com/auth/discord/callback",
      },
      requiredSecrets: [
        "DISCORD_PUBLIC_KEY",
        "SUPABASE_JWT_SIGNING_KEY",
        "DISCORD_BOT_TOKEN",
        "CONTROL_KEYS",
        "SESSION_SECRET",
        "DISCORD_CLIENT_SECRET",
      ],
      services: {},
      secrets: {
        DISCORD_PUBLIC_KEY: hex64("a"),
        SUPABASE_JWT_SIGNING_KEY: signingKey,
        DISCORD_BOT_TOKEN: "bot-token",
        CONTROL_KEYS: JSON.stringify({ "2026-11": controlSecret }),
        SESSION_SECRET: hex64("5"),
        DISCORD_CLIENT_SECRET: "client-secret",
      },
    },
    shellia: {
      name: "shellia",
      configPath: "wrangler.shellia.toml",
      vars: { DISCORD_API_BASE: "https://discord.com/api/v10", OPERATOR_USER_IDS: "1300000000000000333" },
      requiredSecrets: ["DISCORD_PUBLIC_KEY", "MAXIS_TARGETS"],
      services: { MAXIS: "maxis" },
      secrets: {
        DISCORD_PUBLIC_KEY: hex64("b"),
        MAXIS_TARGETS: JSON.stringify([
          { name: "maxis", binding: "MAXIS", keyId: "2026-11", secret: controlSecret },
        ]),
      },
    },
    migrations: [
      {
        name: "20261124000000_tickets.sql",
        sql: "create table public.tickets (id int);\nalter table public.tickets enable row level security;",
      },
    ],
  };
}

type Case = [description: string, change: (input: DeployInput) => void, where: string, message: RegExp];

const errorCases: Case[] = [
  [
    "an empty var",
    (i) => {
      i.maxis.vars["SUPABASE_PUBLISHABLE_KEY"] = "";
    },
    "maxis SUPABASE_PUBLISHABLE_KEY",
    /is empty/,
  ],
  [
    "the local Supabase URL left in",
    (i) => {
      i.maxis.vars["SUPABASE_URL"] = "http://127.0.0.1:54321";
    },
    "maxis SUPABASE_URL",
    /https URL/,
  ],
  [
    "a secret key as the publishable key",
    (i) => {
      i.maxis.vars["SUPABASE_PUBLISHABLE_KEY"] = "sb_secret_x";
    },
    "maxis SUPABASE_PUBLISHABLE_KEY",
    /secret key/,
  ],
  [
    "a missing required secret",
    (i) => {
      delete i.maxis.secrets["SESSION_SECRET"];
    },
    "maxis SESSION_SECRET",
    /is missing/,
  ],
  [
    "an empty secret",
    (i) => {
      i.maxis.secrets["DISCORD_BOT_TOKEN"] = " ";
    },
    "maxis DISCORD_BOT_TOKEN",
    /is empty/,
  ],
  [
    "CONTROL_KEYS pasted over several lines",
    (i) => {
      i.maxis.secrets["CONTROL_KEYS"] = "{";
    },
    "maxis CONTROL_KEYS",
    /not valid JSON.*first line/,
  ],
  [
    "a multi-line secret",
    (i) => {
      i.maxis.secrets["DISCORD_CLIENT_SECRET"] = "a\nb";
    },
    "maxis DISCORD_CLIENT_SECRET",
    /several lines/,
  ],
  [
    "a short control secret",
    (i) => {
      i.maxis.secrets["CONTROL_KEYS"] = '{"2026-11":"short"}';
    },
    "maxis CONTROL_KEYS",
    /shorter than 32/,
  ],
  [
    "MAXIS_TARGETS that is not JSON",
    (i) => {
      i.shellia.secrets["MAXIS_TARGETS"] = "[";
    },
    "shellia MAXIS_TARGETS",
    /not valid JSON/,
  ],
  [
    "a key id missing from CONTROL_KEYS",
    (i) => {
      i.shellia.secrets["MAXIS_TARGETS"] = JSON.stringify([
        { name: "maxis", binding: "MAXIS", keyId: "2027-02", secret: controlSecret },
      ]);
    },
    "shellia MAXIS_TARGETS",
    /"2027-02", which is missing from Maxis's CONTROL_KEYS \(2026-11\)/,
  ],
  [
    "a control secret that differs between the two",
    (i) => {
      i.shellia.secrets["MAXIS_TARGETS"] = JSON.stringify([
        { name: "maxis", binding: "MAXIS", keyId: "2026-11", secret: hex64("d") },
      ]);
    },
    "shellia MAXIS_TARGETS",
    /differs/,
  ],
  [
    "a binding Shellia does not have",
    (i) => {
      i.shellia.secrets["MAXIS_TARGETS"] = JSON.stringify([
        { name: "maxis", binding: "MAXIS_EU", keyId: "2026-11", secret: controlSecret },
      ]);
    },
    "shellia MAXIS_TARGETS",
    /not a \[\[services\]\] entry/,
  ],
  [
    "a signing key that is not JSON",
    (i) => {
      i.maxis.secrets["SUPABASE_JWT_SIGNING_KEY"] = "-----BEGIN PRIVATE KEY-----";
    },
    "maxis SUPABASE_JWT_SIGNING_KEY",
    /not valid JSON/,
  ],
  [
    "a public key instead of the private one",
    (i) => {
      const { d: _private, ...publicOnly } = JSON.parse(signingKey) as Record<string, unknown>;
      i.maxis.secrets["SUPABASE_JWT_SIGNING_KEY"] = JSON.stringify(publicOnly);
    },
    "maxis SUPABASE_JWT_SIGNING_KEY",
    /public key, not the private key/,
  ],
  [
    "a signing key without a kid",
    (i) => {
      const { kid: _kid, ...rest } = JSON.parse(signingKey) as Record<string, unknown>;
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
      const mixed = { ...(JSON.parse(signingKey) as object), d: (JSON.parse(otherKey) as { d: string }).d };
      i.maxis.secrets["SUPABASE_JWT_SIGNING_KEY"] = JSON.stringify(mixed);
    },
    "maxis SUPABASE_JWT_SIGNING_KEY",
    /does not sign/,
  ],
  [
    "a kid the project's JWKS does not list",
    (i) => {
      i.jwks = { keys: publicJwks([otherKey]) };
    },
    "maxis SUPABASE_JWT_SIGNING_KEY",
    /is not in the project's JWKS/,
  ],
  [
    "a kid the JWKS lists with another public key",
    (i) => {
      i.jwks = {
        keys: [{ ...publicJwks([otherKey])[0], kid: (JSON.parse(signingKey) as { kid: string }).kid }],
      };
    },
    "maxis SUPABASE_JWT_SIGNING_KEY",
    /the kid matches, the public key does not/,
  ],
  [
    "no signing secret at all",
    (i) => {
      delete i.maxis.secrets["SUPABASE_JWT_SIGNING_KEY"];
    },
    "maxis SUPABASE_JWT_SIGNING_KEY",
    /is missing/,
  ],
  [
    "a dashboard on another site than Maxis",
    (i) => {
      i.maxis.vars["DASHBOARD_ORIGIN"] = "https://support.example.net";
    },
    "maxis DASHBOARD_ORIGIN",
    /not the same site.*active Cloudflare zone/,
  ],
  [
    "a dashboard on pages.dev",
    (i) => {
      i.maxis.vars["DASHBOARD_ORIGIN"] = "https://maxis-dashboard.pages.dev";
    },
    "maxis DASHBOARD_ORIGIN",
    /on pages\.dev/,
  ],
  [
    "Maxis on workers.dev",
    (i) => {
      i.maxis.vars["DISCORD_OAUTH_REDIRECT_URI"] = "https://maxis.me.workers.dev/auth/discord/callback";
    },
    "maxis DISCORD_OAUTH_REDIRECT_URI",
    /Custom Domain/,
  ],
  [
    "a dashboard origin with a trailing slash",
    (i) => {
      i.maxis.vars["DASHBOARD_ORIGIN"] = "https://support.example.com/";
    },
    "maxis DASHBOARD_ORIGIN",
    /origin only/,
  ],
  [
    "a redirect that is not the callback",
    (i) => {
      i.maxis.vars["DISCORD_OAUTH_REDIRECT_URI"] = "https://maxis.example.com/";
    },
    "maxis DISCORD_OAUTH_REDIRECT_URI",
    /auth\/discord\/callback/,
  ],
  [
    "a server id that is not a snowflake",
    (i) => {
      i.maxis.vars["COMMAND_GUILD_IDS"] = "1300000000000000010, my-server";
    },
    "maxis COMMAND_GUILD_IDS",
    /my-server/,
  ],
  [
    "no operator",
    (i) => {
      i.shellia.vars["OPERATOR_USER_IDS"] = "";
    },
    "shellia OPERATOR_USER_IDS",
    /is empty/,
  ],
  [
    "the same Discord key for both bots",
    (i) => {
      i.shellia.secrets["DISCORD_PUBLIC_KEY"] = hex64("a");
    },
    "shellia DISCORD_PUBLIC_KEY",
    /two Discord applications/,
  ],
  [
    "a Discord public key that is not hex",
    (i) => {
      i.maxis.secrets["DISCORD_PUBLIC_KEY"] = "not-hex";
    },
    "maxis DISCORD_PUBLIC_KEY",
    /64 hexadecimal/,
  ],
  [
    "a var set as a secret",
    (i) => {
      i.maxis.secrets["SUPABASE_URL"] = "https://x.supabase.co";
    },
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

const warningCases: Case[] = [
  [
    "the legacy anon key",
    (i) => {
      i.maxis.vars["SUPABASE_PUBLISHABLE_KEY"] = legacyKey("anon");
    },
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
    (i) => {
      i.maxis.vars["DISCORD_OAUTH_REDIRECT_URI"] = "";
    },
    "maxis DISCORD_OAUTH_REDIRECT_URI",
    /sign-in is off/,
  ],
  [
    "a secret no Worker reads",
    (i) => {
      i.maxis.secrets["SUPABASE_ANON_KEY"] = "eyJ";
    },
    "maxis SUPABASE_ANON_KEY",
    /not a secret maxis reads/,
  ],
];

function legacyKey(role: string): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
  return `${part({ alg: "HS256", typ: "JWT" })}.${part({ role, iss: "supabase" })}.signature`;
}

describe("deploy:check", () => {
  it("passes a complete, consistent deployment", async () => {
    const input = validInput();
    input.jwks = { keys: publicJwks([signingKey]) };
    const findings = await checkDeployment(input);
    expect(findings).toEqual([]);
    expect(formatFindings(findings)).toBe("No errors: ready to deploy.");
  });

  it.each(errorCases)("names %s", async (_description, change, where, message) => {
    const input = validInput();
    change(input);
    const findings = await checkDeployment(input);
    const errors = findings.filter((finding) => finding.level === "error");
    expect(errors).toContainEqual({ level: "error", where, message: expect.stringMatching(message) });
    expect(formatFindings(findings)).toMatch(/error\(s\).*fix the errors before deploying\.$/);
  });

  it.each(warningCases)("warns about %s, without an error", async (_description, change, where, message) => {
    const input = validInput();
    change(input);
    const findings = await checkDeployment(input);
    expect(findings).toContainEqual({ level: "warning", where, message: expect.stringMatching(message) });
    expect(findings.filter((finding) => finding.level === "error")).toEqual([]);
  });

  it("accepts the legacy option when [secrets] required names SUPABASE_JWT_SECRET", async () => {
    const input = validInput();
    input.maxis.requiredSecrets = input.maxis.requiredSecrets.map((name) =>
      name === "SUPABASE_JWT_SIGNING_KEY" ? "SUPABASE_JWT_SECRET" : name,
    );
    delete input.maxis.secrets["SUPABASE_JWT_SIGNING_KEY"];
    input.maxis.secrets["SUPABASE_JWT_SECRET"] = "s".repeat(40);
    const findings = await checkDeployment(input);
    expect(findings.filter((finding) => finding.level === "error")).toEqual([]);
  });
});
