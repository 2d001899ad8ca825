/**
 * The browser tests' stack, on top of the shared Postgres + REST stand-in and Discord stand-in:
 *   1. the dashboard, built with Vite for this Maxis (its JavaScript size printed and held to the
 *      budget; config.json and the CSP in _headers name Maxis's address, as a Pages build would);
 *   2. Maxis, the bundle `wrangler deploy` would upload, run by Miniflare (workerd) on a free port;
 *   3. a static server for the dashboard on another free port, sending the headers of its _headers.
 * Miniflare rather than `wrangler dev`: the same runtime and bundle, without a second CLI process,
 * its dev registry or its banners, and it starts in about a second.
 */
import { convertV4MiniflareOptions, Miniflare } from "miniflare";
import type { TestProject } from "vitest/node";
import {
  buildDashboard,
  DASHBOARD_JS_BUDGET_BYTES,
  describeBuild,
  serveDashboard,
} from "../../../scripts/lib/dashboard";
import { LOCAL_APPLICATION_ID, LOCAL_STAFF_ROLE_ID } from "../../../scripts/lib/local-identities";
import { maxisRuntime } from "../../../scripts/lib/maxis-config";
import { maxisBundle } from "../../../scripts/lib/worker-bundle";
import { freePort } from "../../setup/ports";

/** The browser tests' own Discord server, so their tickets never meet other tests' counts. */
export const BROWSER_GUILD_ID = "1300000000000000920";
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const discordLocal = `http://127.0.0.1:${process.env["TEST_DISCORD_PORT"]}`;

  const discordKeys = JSON.parse(process.env["TEST_DISCORD_PRIVATE_KEY"] ?? "{}") as { publicKey: string };
  const sessionSecret = crypto.randomUUID() + crypto.randomUUID();
  const [maxisPort, dashboardPort] = [await freePort(), await freePort()];
  const maxisUrl = `http://127.0.0.1:${maxisPort}`;
  const dashboardOrigin = `http://127.0.0.1:${dashboardPort}`;

  const build = await buildDashboard(maxisUrl);
  console.log(describeBuild(build));
  if (build.jsGzipBytes > DASHBOARD_JS_BUDGET_BYTES)
    throw new Error("The dashboard's JavaScript is over budget");

  // The seeded people are members of the browser tests' server too.
  await fetch(`${discordLocal}/__local/guilds`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ id: BROWSER_GUILD_ID }),
  });

  const maxis = new Miniflare(
    convertV4MiniflareOptions({
      host: "127.0.0.1",
      port: maxisPort,
      modules: true,
      scriptPath: maxisBundle(),
      // Compatibility date, flags and Durable Objects: wrangler.maxis.toml's.
      ...maxisRuntime(),
      bindings: {
        DISCORD_PUBLIC_KEY: discordKeys.publicKey,
        DISCORD_API_BASE: `${discordLocal}/api/v10`,
        DISCORD_OAUTH_AUTHORIZE_URL: `${discordLocal}/oauth2/authorize`,
        DISCORD_OAUTH_REDIRECT_URI: `${maxisUrl}/auth/discord/callback`,
        DISCORD_APPLICATION_ID: LOCAL_APPLICATION_ID,
        DISCORD_CLIENT_SECRET: "local-client-secret",
        DISCORD_BOT_TOKEN: "local-bot-token",
        DISCORD_GUILD_ID: BROWSER_GUILD_ID,
        STAFF_ROLE_ID: LOCAL_STAFF_ROLE_ID,
        TICKET_STAFF_CHANNEL_ID: "",
        SUPABASE_URL: `http://127.0.0.1:${process.env["TEST_REST_PORT"]}`,
        SUPABASE_PUBLISHABLE_KEY: process.env["TEST_SUPABASE_PUBLISHABLE_KEY"] ?? "",
        SUPABASE_JWT_SIGNING_KEY: process.env["TEST_SUPABASE_SIGNING_KEY"] ?? "",
        CONTROL_KEYS: JSON.stringify({ primary: crypto.randomUUID() + crypto.randomUUID() }),
        SESSION_SECRET: sessionSecret,
        DASHBOARD_ORIGIN: dashboardOrigin,
        // The sales page's test delivers Stripe webhook events signed with the tests' secret.
        STRIPE_WEBHOOK_SECRET: process.env["TEST_STRIPE_WEBHOOK_SECRET"] ?? "",
      },
    }),
  );
  await maxis.ready;
  const dashboard = await serveDashboard(dashboardPort);

  project.provide("browserStack", {
    dashboardUrl: dashboard.url,
    maxisUrl,
    discordLocalUrl: discordLocal,
    sessionSecret,
    guildId: BROWSER_GUILD_ID,
    dashboardJsGzipBytes: build.jsGzipBytes,
  });
  return async () => {
    await dashboard.close();
    await maxis.dispose();
  };
}
