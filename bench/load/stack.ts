/**
 * The load benchmark's stack: Shellia, Maxis and the floor Worker built by `wrangler deploy --dry-run`
 * (the exact bundles that would be uploaded), run side by side in one workerd process by Miniflare
 * with their wrangler configuration (compatibility date and flags, vars, Durable Objects, the
 * service binding), each on its own socket. Maxis talks to a real PostgreSQL through the local
 * Supabase REST stand-in and to the Discord API stand-in, as under `npm run dev`.
 */
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { convertV4MiniflareOptions, Miniflare } from "miniflare";
import { unstable_readConfig } from "wrangler";
import { generateEd25519KeyPair } from "../../scripts/lib/ed25519";
import {
  LOCAL_ADMIN_ID,
  LOCAL_APPLICATION_ID,
  LOCAL_STAFF_ROLE_ID,
} from "../../scripts/lib/local-identities";
import { readWorkerRuntime } from "../../scripts/lib/maxis-config";
import { generateSigningKey, newPublishableKey } from "../../scripts/lib/supabase-keys";
import { type LocalDiscord, serveLocalDiscord } from "../../scripts/local-discord/server";
import { type LocalSupabase, startLocalSupabase } from "../../scripts/local-supabase";
import { freePort } from "../../test/setup/ports";
import type { CaseSettings } from "./cases";

const run = promisify(execFile);

export interface SupabaseEndpoint {
  restUrl: string;
  publishableKey: string;
  /** The ES256 private key (JWK JSON) Maxis signs with, which the REST stand-in trusts. */
  signingKey: string;
}

export interface LoadStack {
  /** Each Worker's own socket (`/interactions` for the interaction Workers). */
  urls: { maxis: string; shellia: string; floor: string; controlCaller: string };
  /** The Ed25519 seed the load generator signs with; the Workers hold its public key. */
  discordPrivateKey: string;
  discord: LocalDiscord;
  /** Bundles as built, for the size column. */
  bundles: { maxis: string; shellia: string; floor: string };
  stop(): Promise<void>;
}

/** What the load cases need of a running stack; `giveawayId` only for the button case. */
export const caseSettings = (stack: LoadStack, giveawayId = ""): CaseSettings => ({
  urls: stack.urls,
  discordPrivateKey: stack.discordPrivateKey,
  giveawayId,
});

const BUILD_DIR = ".build/bench/load";
const CONTROL_SECRET = randomBytes(32).toString("hex");

/** `wrangler deploy --dry-run`: bundling, minification and config exactly as for an upload. */
async function build(args: string[]): Promise<void> {
  await run("wrangler", ["deploy", "--dry-run", ...args], {
    env: { ...process.env, WRANGLER_SEND_METRICS: "false" },
  });
}

/** The `[vars]` a wrangler configuration deploys with, as strings. */
function configVars(configPath: string): Record<string, string> {
  const vars = unstable_readConfig({ config: configPath }).vars;
  return Object.fromEntries(Object.entries(vars).map(([name, value]) => [name, String(value)]));
}

export interface LoadStackOptions {
  supabase?: SupabaseEndpoint;
  /** Opens workerd's inspector (Chrome DevTools protocol) on this port, for CPU profiles. */
  inspectorPort?: number;
  /** false: build without minifying, so a profile names functions (profiling only; deploys minify). */
  minify?: boolean;
  /** Take ports from SHELLIA_PORT, MAXIS_PORT… where set (the CLI), rather than free ones (tests). */
  envPorts?: boolean;
}

/** The bundles as `wrangler deploy --dry-run` builds them (unminified only for profiling). */
export async function buildLoadBundles(minify: boolean): Promise<LoadStack["bundles"]> {
  const floorDate = readWorkerRuntime("wrangler.maxis.toml").compatibilityDate;
  const unminified = minify ? [] : ["--minify=false"];
  await Promise.all([
    build(["-c", "wrangler.maxis.toml", "--outdir", `${BUILD_DIR}/maxis`, ...unminified]),
    build(["-c", "wrangler.shellia.toml", "--outdir", `${BUILD_DIR}/shellia`, ...unminified]),
    // The floor and the control caller are deployed as their own Workers would be: no config file.
    build([
      "bench/load/floor-worker.ts",
      "--name",
      "floor",
      "--compatibility-date",
      floorDate,
      "--minify",
      "--outdir",
      `${BUILD_DIR}/floor`,
    ]),
    build([
      "bench/load/control-caller.ts",
      "--name",
      "control-caller",
      "--compatibility-date",
      floorDate,
      "--outdir",
      `${BUILD_DIR}/control-caller`,
    ]),
  ]);
  return {
    maxis: `${BUILD_DIR}/maxis/index.js`,
    shellia: `${BUILD_DIR}/shellia/index.js`,
    floor: `${BUILD_DIR}/floor/floor-worker.js`,
  };
}

export async function startLoadStack(options: LoadStackOptions = {}): Promise<LoadStack> {
  const port = async (variable: string): Promise<number> => {
    const fixed = options.envPorts ? Number(process.env[variable]) : Number.NaN;
    return Number.isInteger(fixed) && fixed > 0 ? fixed : freePort();
  };
  const stops: (() => Promise<unknown>)[] = [];
  const stop = async () => {
    for (const step of stops.reverse()) await step().catch((error) => console.error(error));
  };
  try {
    const maxisRuntime = readWorkerRuntime("wrangler.maxis.toml");
    const shelliaRuntime = readWorkerRuntime("wrangler.shellia.toml");
    const floorDate = maxisRuntime.compatibilityDate;
    const bundles = await buildLoadBundles(options.minify ?? true);

    let supabase: SupabaseEndpoint;
    if (options.supabase) {
      supabase = options.supabase;
    } else {
      const signingKey = await generateSigningKey();
      const publishableKey = newPublishableKey();
      const local: LocalSupabase = await startLocalSupabase({
        dataDir: join(tmpdir(), `shellia-maxis-load-pg-${randomBytes(4).toString("hex")}`),
        pgPort: await port("POSTGRES_PORT"),
        restPort: await port("SUPABASE_REST_PORT"),
        signingKeys: [signingKey],
        publishableKey,
        persistent: false,
      });
      stops.push(() => local.stop());
      supabase = { restUrl: local.restUrl, publishableKey, signingKey };
    }
    const discord = await serveLocalDiscord(await port("DISCORD_API_PORT"));
    stops.push(() => discord.close());

    const keys = await generateEd25519KeyPair();
    const socket = async (variable: string) => [{ host: "127.0.0.1", port: await port(variable) }];
    const mf = new Miniflare(
      convertV4MiniflareOptions({
        ...(options.inspectorPort ? { inspectorPort: options.inspectorPort } : {}),
        // Only errors: a Worker's console.error is a failure worth seeing, the rest would be noise.
        handleStructuredLogs: ({ level, message }: { level: string; message: string }) => {
          if (level === "error") console.error(message);
        },
        workers: [
          {
            name: "maxis",
            modules: true,
            scriptPath: bundles.maxis,
            ...maxisRuntime,
            unsafeDirectSockets: await socket("MAXIS_PORT"),
            bindings: {
              ...configVars("wrangler.maxis.toml"),
              DISCORD_API_BASE: discord.apiBase,
              DISCORD_PUBLIC_KEY: keys.publicKey,
              DISCORD_BOT_TOKEN: "bench",
              DISCORD_APPLICATION_ID: LOCAL_APPLICATION_ID,
              SUPABASE_URL: supabase.restUrl,
              SUPABASE_PUBLISHABLE_KEY: supabase.publishableKey,
              SUPABASE_JWT_SIGNING_KEY: supabase.signingKey,
              STAFF_ROLE_ID: LOCAL_STAFF_ROLE_ID,
              CONTROL_KEYS: JSON.stringify({ bench: CONTROL_SECRET }),
              SESSION_SECRET: randomBytes(32).toString("hex"),
              DISCORD_CLIENT_SECRET: "bench",
            },
          },
          {
            name: "shellia",
            modules: true,
            scriptPath: bundles.shellia,
            ...shelliaRuntime,
            unsafeDirectSockets: await socket("SHELLIA_PORT"),
            serviceBindings: { MAXIS: "maxis" },
            bindings: {
              ...configVars("wrangler.shellia.toml"),
              DISCORD_API_BASE: discord.apiBase,
              DISCORD_PUBLIC_KEY: keys.publicKey,
              OPERATOR_USER_IDS: LOCAL_ADMIN_ID,
              MAXIS_TARGETS: JSON.stringify([
                { name: "maxis", binding: "MAXIS", keyId: "bench", secret: CONTROL_SECRET },
              ]),
            },
          },
          {
            name: "floor",
            modules: true,
            scriptPath: bundles.floor,
            compatibilityDate: floorDate,
            unsafeDirectSockets: [{ host: "127.0.0.1", port: await freePort() }],
            bindings: { DISCORD_PUBLIC_KEY: keys.publicKey },
          },
          {
            name: "control-caller",
            modules: true,
            scriptPath: `${BUILD_DIR}/control-caller/control-caller.js`,
            compatibilityDate: floorDate,
            unsafeDirectSockets: [{ host: "127.0.0.1", port: await freePort() }],
            serviceBindings: { MAXIS: "maxis" },
            bindings: { CONTROL_SECRET },
          },
        ],
      }),
    );
    stops.push(() => mf.dispose());
    await mf.ready;
    const url = async (name: string) => (await mf.unsafeGetDirectURL(name)).href.replace(/\/$/, "");
    return {
      urls: {
        maxis: await url("maxis"),
        shellia: await url("shellia"),
        floor: await url("floor"),
        controlCaller: await url("control-caller"),
      },
      discordPrivateKey: keys.privateKey,
      discord,
      bundles,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
