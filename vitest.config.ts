import { execFileSync } from "node:child_process";
import { cloudflareTest } from "@cloudflare/vitest-plugin";
import { sign } from "hono/jwt";
import { defineConfig } from "vitest/config";
import { generateEd25519KeyPair } from "./scripts/lib/ed25519";
import { LOCAL_ADMIN_ID, LOCAL_STAFF_ROLE_ID } from "./scripts/lib/local-identities";
import { freePort } from "./test/setup/ports";

/** Test-run settings, chosen once in the main process and shared with global setups through env. */
async function testStack() {
  process.env["TEST_PG_PORT"] ??= String(await freePort());
  process.env["TEST_REST_PORT"] ??= String(await freePort());
  process.env["TEST_DISCORD_PORT"] ??= String(await freePort());
  process.env["TEST_SUPABASE_JWT_SECRET"] ??= crypto.randomUUID() + crypto.randomUUID();
  process.env["TEST_DISCORD_PRIVATE_KEY"] ??= JSON.stringify(await generateEd25519KeyPair());
  const discordKeys = JSON.parse(process.env["TEST_DISCORD_PRIVATE_KEY"]) as {
    privateKey: string;
    publicKey: string;
  };
  return {
    restUrl: `http://127.0.0.1:${process.env["TEST_REST_PORT"]}`,
    discordApiBase: `http://127.0.0.1:${process.env["TEST_DISCORD_PORT"]}/api/v10`,
    discordLocalUrl: `http://127.0.0.1:${process.env["TEST_DISCORD_PORT"]}`,
    jwtSecret: process.env["TEST_SUPABASE_JWT_SECRET"],
    discordKeys,
  };
}

/** Shellia's tests run Maxis beside it as an auxiliary Worker, built exactly as `wrangler deploy` bundles it. */
function buildMaxis(): string {
  if (!process.env["MAXIS_TEST_BUNDLE_BUILT"]) {
    execFileSync(
      "wrangler",
      ["deploy", "--dry-run", "--outdir", ".build/test/maxis", "-c", "wrangler.maxis.toml"],
      {
        stdio: ["ignore", "ignore", "inherit"],
        env: { ...process.env, WRANGLER_SEND_METRICS: "false" },
      },
    );
    process.env["MAXIS_TEST_BUNDLE_BUILT"] = "1";
  }
  return ".build/test/maxis/index.js";
}

/**
 * discord-api-types ships its enums as CommonJS behind an ESM wrapper that workerd's module loader
 * cannot unwrap; pre-bundling it for the Workers projects gives tests the same enums the bundle has.
 */
const workersDeps = { optimizer: { ssr: { enabled: true, include: ["discord-api-types/v10"] } } };

export default defineConfig(async () => {
  const stack = await testStack();
  const provide = {
    discordPrivateKey: stack.discordKeys.privateKey,
    discordLocalUrl: stack.discordLocalUrl,
  };
  const maxisBindings = {
    DISCORD_PUBLIC_KEY: stack.discordKeys.publicKey,
    DISCORD_API_BASE: stack.discordApiBase,
    SUPABASE_URL: stack.restUrl,
    SUPABASE_JWT_SECRET: stack.jwtSecret,
    // The public anon key, minted as Supabase mints it: a long-lived JWT for the `anon` role.
    SUPABASE_ANON_KEY: await sign(
      { role: "anon", iss: "supabase", iat: 0, exp: 4_102_444_800 },
      stack.jwtSecret,
      "HS256",
    ),
    STAFF_ROLE_ID: LOCAL_STAFF_ROLE_ID,
  };
  return {
    test: {
      projects: [
        {
          test: {
            name: "node",
            include: ["test/node/**/*.test.ts", "scripts/**/*.test.ts"],
            benchmark: { include: ["bench/**/*.bench.ts"] },
            globalSetup: ["test/setup/local-supabase.global.ts", "test/setup/local-discord.global.ts"],
            provide,
            testTimeout: 20_000,
          },
        },
        {
          plugins: [
            cloudflareTest({
              wrangler: { configPath: "./wrangler.maxis.toml" },
              miniflare: { bindings: maxisBindings },
            }),
          ],
          test: {
            name: "maxis",
            deps: workersDeps,
            include: ["test/workers/maxis/**/*.test.ts", "src/maxis/**/*.test.ts", "src/shared/**/*.test.ts"],
            globalSetup: ["test/setup/local-supabase.global.ts", "test/setup/local-discord.global.ts"],
            provide,
          },
        },
        {
          plugins: [
            cloudflareTest({
              wrangler: { configPath: "./wrangler.shellia.toml" },
              miniflare: {
                bindings: {
                  DISCORD_PUBLIC_KEY: stack.discordKeys.publicKey,
                  DISCORD_API_BASE: stack.discordApiBase,
                  OPERATOR_USER_IDS: LOCAL_ADMIN_ID,
                },
                workers: [
                  {
                    name: "maxis",
                    deps: workersDeps,
                    modules: true,
                    scriptPath: buildMaxis(),
                    compatibilityDate: "2026-11-01",
                    compatibilityFlags: ["nodejs_compat"],
                    bindings: maxisBindings,
                  },
                ],
              },
            }),
          ],
          test: {
            name: "shellia",
            deps: workersDeps,
            include: ["test/workers/shellia/**/*.test.ts", "src/shellia/**/*.test.ts"],
            globalSetup: ["test/setup/local-supabase.global.ts", "test/setup/local-discord.global.ts"],
            provide,
          },
        },
      ],
    },
  };
});
