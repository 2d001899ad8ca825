/** A deployment deploy:check passes, and the changes its test cases make to it. */
import { generateSigningKey } from "../supabase-keys";
import type { DeployInput } from ".";

export const hex64 = (digit: string) => digit.repeat(64);
export const controlSecret = hex64("c");
/** Two signing keys, made once per test file by loadKeys (in its beforeAll). */
export const keys = { signing: "", other: "" };

export async function loadKeys(): Promise<void> {
  keys.signing = await generateSigningKey();
  keys.other = await generateSigningKey();
}

/** A deployment that passes: every case below breaks one thing of it. */
export function validInput(): DeployInput {
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
        SUPABASE_JWT_SIGNING_KEY: keys.signing,
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
        MAXIS_TARGETS: maxisTargets({}),
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

export type WorkerName = "maxis" | "shellia";

export const setVar = (worker: WorkerName, name: string, value: string) => (input: DeployInput) => {
  input[worker].vars[name] = value;
};

export const setSecret = (worker: WorkerName, name: string, value: string) => (input: DeployInput) => {
  input[worker].secrets[name] = value;
};

export const dropSecret = (worker: WorkerName, name: string) => (input: DeployInput) => {
  delete input[worker].secrets[name];
};

/** Shellia's MAXIS_TARGETS naming the one Maxis, with what a case changes of it. */
export function maxisTargets(change: { binding?: string; keyId?: string; secret?: string }): string {
  return JSON.stringify([
    { name: "maxis", binding: "MAXIS", keyId: "2026-11", secret: controlSecret, ...change },
  ]);
}

export function legacyKey(role: string): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
  return `${part({ alg: "HS256", typ: "JWT" })}.${part({ role, iss: "supabase" })}.signature`;
}
