import { cloudflareTest } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";
import { generateEd25519KeyPair } from "./scripts/lib/ed25519";
import { LOCAL_ADMIN_ID, LOCAL_GUILD_ID, LOCAL_SERVER_VARS } from "./scripts/lib/local-identities";
import { maxisRuntime } from "./scripts/lib/maxis-config";
import { generateSigningKey, newPublishableKey } from "./scripts/lib/supabase-keys";
import { maxisBundle } from "./scripts/lib/worker-bundle";
import { freePort } from "./test/setup/ports";

/** Test-run settings, chosen once in the main process and shared with global setups through env. */
async function testStack() {
  process.env["TEST_PG_PORT"] ??= String(await freePort());
  process.env["TEST_REST_PORT"] ??= String(await freePort());
  process.env["TEST_DISCORD_PORT"] ??= String(await freePort());
  // Like a Supabase project created today: an ES256 signing key (Maxis signs with it, the stand-in
  // trusts its public half), a publishable key, and no legacy JWT secret.
  process.env["TEST_SUPABASE_SIGNING_KEY"] ??= await generateSigningKey();
  process.env["TEST_SUPABASE_PUBLISHABLE_KEY"] ??= newPublishableKey();
  process.env["TEST_STRIPE_PORT"] ??= String(await freePort());
  process.env["TEST_STRIPE_WEBHOOK_SECRET"] ??= `whsec_${crypto.randomUUID().replaceAll("-", "")}`;
  process.env["TEST_DISCORD_PRIVATE_KEY"] ??= JSON.stringify(await generateEd25519KeyPair());
  // Control-API secrets of the two test Maxis bots ("maxis" and "maxis-b"), same key id, different secrets.
  process.env["TEST_CONTROL_SECRET_A"] ??= crypto.randomUUID() + crypto.randomUUID();
  process.env["TEST_CONTROL_SECRET_B"] ??= crypto.randomUUID() + crypto.randomUUID();
  process.env["TEST_CONTROL_SECRET_NEXT"] ??= crypto.randomUUID() + crypto.randomUUID();
  process.env["TEST_SESSION_SECRET"] ??= crypto.randomUUID() + crypto.randomUUID();
  process.env["TEST_TRANSCRIPT_SECRET"] ??= crypto.randomUUID() + crypto.randomUUID();
  const discordKeys = JSON.parse(process.env["TEST_DISCORD_PRIVATE_KEY"]) as {
    privateKey: string;
    publicKey: string;
  };
  return {
    restUrl: `http://127.0.0.1:${process.env["TEST_REST_PORT"]}`,
    discordApiBase: `http://127.0.0.1:${process.env["TEST_DISCORD_PORT"]}/api/v10`,
    discordLocalUrl: `http://127.0.0.1:${process.env["TEST_DISCORD_PORT"]}`,
    signingKey: process.env["TEST_SUPABASE_SIGNING_KEY"],
    publishableKey: process.env["TEST_SUPABASE_PUBLISHABLE_KEY"],
    stripeUrl: `http://127.0.0.1:${process.env["TEST_STRIPE_PORT"]}`,
    stripeWebhookSecret: process.env["TEST_STRIPE_WEBHOOK_SECRET"],
    discordKeys,
    controlSecrets: {
      a: process.env["TEST_CONTROL_SECRET_A"],
      b: process.env["TEST_CONTROL_SECRET_B"],
      next: process.env["TEST_CONTROL_SECRET_NEXT"],
    },
  };
}

/**
 * discord-api-types ships its enums as CommonJS behind an ESM wrapper that workerd's module loader
 * cannot unwrap; pre-bundling it for the Workers projects gives tests the same enums the bundle has.
 */
const workersDeps = {
  optimizer: { ssr: { enabled: true, include: ["discord-api-types/v10", "discord-api-types/payloads/v10"] } },
};

/** Per test in the Workers projects: room for a few of the stand-ins' 5 s waits, so a failed wait reports itself. */
const WORKER_TEST_TIMEOUT_MS = 15_000;

export default defineConfig(async () => {
  const stack = await testStack();
  const provide = {
    discordPrivateKey: stack.discordKeys.privateKey,
    discordLocalUrl: stack.discordLocalUrl,
    stripeUrl: stack.stripeUrl,
    stripeWebhookSecret: stack.stripeWebhookSecret,
  };
  const maxisBindings = {
    DISCORD_PUBLIC_KEY: stack.discordKeys.publicKey,
    DISCORD_API_BASE: stack.discordApiBase,
    SUPABASE_URL: stack.restUrl,
    SUPABASE_PUBLISHABLE_KEY: stack.publishableKey,
    SUPABASE_JWT_SIGNING_KEY: stack.signingKey,
    ...LOCAL_SERVER_VARS,
    // The Discord stand-in accepts any bot token.
    DISCORD_BOT_TOKEN: "local-bot-token",
    CONTROL_KEYS: JSON.stringify({ primary: stack.controlSecrets.a }),
    // Tickets: the dashboard's origin (CORS) and the key that signs its staff sessions (tests mint
    // sessions with it).
    DASHBOARD_ORIGIN: "https://dashboard.test",
    SESSION_SECRET: process.env["TEST_SESSION_SECRET"] ?? "",
    // Members' transcript links: signed with this, pointing at this address.
    TRANSCRIPT_LINK_SECRET: process.env["TEST_TRANSCRIPT_SECRET"] ?? "",
    MAXIS_PUBLIC_URL: "https://maxis.test",
    // Dashboard sign-in against the Discord stand-in's OAuth2 pages.
    DISCORD_OAUTH_AUTHORIZE_URL: `${stack.discordLocalUrl}/oauth2/authorize`,
    DISCORD_OAUTH_REDIRECT_URI: "https://maxis.test/auth/discord/callback",
    DISCORD_CLIENT_SECRET: "local-client-secret",
    // Payments against the Stripe stand-in (tests post the webhook events themselves).
    STRIPE_API_BASE: stack.stripeUrl,
    STRIPE_SECRET_KEY: "sk_test_local",
    STRIPE_WEBHOOK_SECRET: stack.stripeWebhookSecret,
  };
  // Compatibility date, flags and Durable Objects of the auxiliary Maxis Workers: wrangler.maxis.toml's.
  const maxis = maxisRuntime();
  /**
   * Shellia's Maxis bots in tests: two real ones (each with its own secret under the same key id),
   * then one configured with a stale secret, one that is down and one too slow to answer in time.
   */
  const maxisTargets = [
    { name: "maxis", binding: "MAXIS", keyId: "primary", secret: stack.controlSecrets.a },
    { name: "maxis-b", binding: "MAXIS_B", keyId: "primary", secret: stack.controlSecrets.b },
    { name: "maxis-stale-key", binding: "MAXIS", keyId: "primary", secret: "stale-secret-0123456789abcdef" },
    { name: "maxis-down", url: "http://127.0.0.1:9", keyId: "primary", secret: stack.controlSecrets.a },
    { name: "maxis-slow", binding: "MAXIS_SLOW", keyId: "primary", secret: stack.controlSecrets.a },
  ];
  return {
    test: {
      projects: [
        {
          test: {
            name: "node",
            include: ["test/node/**/*.test.ts", "scripts/**/*.test.ts", "admin-panel/src/**/*.test.ts"],
            benchmark: { include: ["bench/**/*.bench.ts"] },
            globalSetup: ["test/setup/local-supabase.global.ts", "test/setup/local-discord.global.ts"],
            provide,
            testTimeout: 20_000,
          },
        },
        {
          // The staff dashboard in headless Chromium (from npm): builds admin-panel/, runs Maxis in workerd (Miniflare).
          test: {
            name: "browser",
            include: ["test/browser/**/*.test.ts"],
            globalSetup: [
              "test/setup/local-supabase.global.ts",
              "test/setup/local-discord.global.ts",
              "test/browser/setup/stack.global.ts",
            ],
            provide,
            testTimeout: 60_000,
            hookTimeout: 120_000,
          },
        },
        {
          plugins: [
            cloudflareTest({
              wrangler: { configPath: "./wrangler.maxis.toml" },
              // Mid-rotation: the old key and the next one are both valid.
              miniflare: {
                bindings: {
                  ...maxisBindings,
                  CONTROL_KEYS: JSON.stringify({
                    primary: stack.controlSecrets.a,
                    next: stack.controlSecrets.next,
                  }),
                },
              },
            }),
          ],
          test: {
            name: "maxis",
            deps: workersDeps,
            include: ["test/workers/maxis/**/*.test.ts", "src/maxis/**/*.test.ts", "src/shared/**/*.test.ts"],
            globalSetup: [
              "test/setup/local-supabase.global.ts",
              "test/setup/local-discord.global.ts",
              "test/setup/local-stripe.global.ts",
            ],
            provide,
            // A test may wait on the Discord stand-in up to 5 s per wait (waitForRequests), twice or
            // more. Under vitest's default of 5 s for the whole test, a wait that never ended showed as
            // "Test timed out" instead of its assertion saying what never came.
            testTimeout: WORKER_TEST_TIMEOUT_MS,
          },
        },
        {
          plugins: [
            // A function: the plugin calls it when this project starts, so only runs that include
            // Shellia's project build Maxis's bundle (the Node project builds no Worker).
            cloudflareTest(() => ({
              wrangler: { configPath: "./wrangler.shellia.toml" },
              miniflare: {
                bindings: {
                  DISCORD_PUBLIC_KEY: stack.discordKeys.publicKey,
                  DISCORD_API_BASE: stack.discordApiBase,
                  // A second operator, so `/ask` tests can show that one cannot confirm another's proposal.
                  OPERATOR_USER_IDS: `${LOCAL_ADMIN_ID} 1300000000000000555`,
                  MAXIS_TARGETS: JSON.stringify(maxisTargets),
                },
                serviceBindings: { MAXIS_B: "maxis-b", MAXIS_SLOW: "maxis-slow" },
                workers: [
                  {
                    name: "maxis",
                    modules: true,
                    scriptPath: maxisBundle(),
                    ...maxis,
                    bindings: maxisBindings,
                  },
                  {
                    name: "maxis-b",
                    modules: true,
                    scriptPath: maxisBundle(),
                    ...maxis,
                    bindings: {
                      ...maxisBindings,
                      CONTROL_KEYS: JSON.stringify({ primary: stack.controlSecrets.b }),
                      // Its commands are server commands: `/maxis restart` re-syncs them there only.
                      COMMAND_GUILD_IDS: LOCAL_GUILD_ID,
                    },
                  },
                  {
                    // Stands in for a Maxis too slow to answer within Shellia's timeout.
                    name: "maxis-slow",
                    modules: true,
                    script:
                      "export default { async fetch() { await new Promise((r) => setTimeout(r, 5000)); return new Response('late'); } };",
                    compatibilityDate: maxis.compatibilityDate,
                  },
                ],
              },
            })),
          ],
          test: {
            name: "shellia",
            deps: workersDeps,
            include: ["test/workers/shellia/**/*.test.ts", "src/shellia/**/*.test.ts"],
            globalSetup: ["test/setup/local-supabase.global.ts", "test/setup/local-discord.global.ts"],
            provide,
            testTimeout: WORKER_TEST_TIMEOUT_MS,
          },
        },
      ],
    },
  };
});
