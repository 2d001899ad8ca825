/**
 * npm run dev: the whole local stack on one machine.
 *   embedded PostgreSQL (data kept in .local/postgres) with the migrations and seed applied,
 *   the local Supabase REST stand-in, the local Discord and Stripe API stand-ins, Shellia and Maxis under
 *   wrangler dev, and the staff dashboard (Vite's dev server, signing in through the Discord
 *   stand-in's OAuth2 pages). Ctrl-C stops everything.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { serveDashboardDev } from "./lib/dashboard";
import { LOCAL_PEOPLE, LOCAL_SECOND_GUILD_ID } from "./lib/local-identities";
import { localPorts } from "./lib/local-ports";
import { ensureLocalSecrets } from "./lib/local-secrets";
import { serveLocalDiscord } from "./local-discord/server";
import { serveLocalStripe } from "./local-stripe/server";
import { startLocalSupabase } from "./local-supabase";

const ports = localPorts();
const children: ChildProcess[] = [];
const stoppers: (() => Promise<void>)[] = [];
let stopping: Promise<never> | undefined;

/** Stops everything once; Ctrl-C also makes npm and tsx send their own signals, which join this stop. */
function stopAll(exitCode: number): Promise<never> {
  stopping ??= (async () => {
    console.log("\nStopping the local stack…");
    for (const child of children) child.kill("SIGTERM");
    await Promise.all(
      children.map((child) => (child.exitCode === null ? new Promise((r) => child.once("exit", r)) : null)),
    );
    for (const stop of stoppers.reverse()) await stop().catch((error) => console.error(error));
    console.log("Stopped.");
    process.exit(exitCode);
  })();
  return stopping;
}
process.on("SIGINT", () => void stopAll(0));
process.on("SIGTERM", () => void stopAll(0));

function startWorker(name: "shellia" | "maxis", port: number, inspectorPort: number): Promise<void> {
  const child = spawn(
    "wrangler",
    [
      "dev",
      "-c",
      `wrangler.${name}.toml`,
      "--ip",
      "127.0.0.1",
      "--port",
      String(port),
      "--inspector-port",
      String(inspectorPort),
      "--persist-to",
      ".local/wrangler",
      "--show-interactive-dev-session=false",
      // Cron Triggers do not fire under wrangler dev: GET /__scheduled runs the scheduled handler.
      ...(name === "maxis" ? ["--test-scheduled"] : []),
    ],
    {
      env: { ...process.env, WRANGLER_SEND_METRICS: "false", CLOUDFLARE_CF_FETCH_ENABLED: "false" },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  children.push(child);
  return new Promise((resolve, reject) => {
    const onOutput = (chunk: Buffer) => {
      for (const line of chunk.toString().split("\n")) {
        if (!line.trim()) continue;
        if (line.includes("Ready on")) resolve();
        // Keep Worker logs visible, without wrangler's banners.
        if (/^\[wrangler:|console|Error|error|✘|▲/.test(line)) console.log(`[${name}] ${line}`);
      }
    };
    child.stdout?.on("data", onOutput);
    child.stderr?.on("data", onOutput);
    child.once("exit", (code) => {
      if (!stopping) {
        reject(new Error(`wrangler dev for ${name} exited with code ${code}`));
        void stopAll(1);
      }
    });
  });
}

try {
  const started = Date.now();
  const { values, created } = await ensureLocalSecrets();
  if (created.length) console.log(`Wrote ${created.join(", ")} to .dev.vars.`);

  const supabase = await startLocalSupabase({
    dataDir: ".local/postgres",
    pgPort: ports.postgres,
    restPort: ports.supabaseRest,
    // The key Maxis signs with is trusted by its public half; a legacy JWT secret left in .dev.vars
    // by an older version is trusted too, as a project that still has one does.
    signingKeys: [values["SUPABASE_JWT_SIGNING_KEY"] ?? ""],
    legacyJwtSecret: values["SUPABASE_JWT_SECRET"],
    publishableKey: values["SUPABASE_PUBLISHABLE_KEY"] ?? "",
    log: (line) => console.log(`[supabase] ${line}`),
    persistent: true,
  });
  stoppers.push(() => supabase.stop());

  const discord = await serveLocalDiscord(ports.discordApi);
  stoppers.push(() => discord.close());
  // The bot is in the seed's second server too: /maxis promo server suggests it, the dashboard switches to it.
  await fetch(`${discord.url}/__local/guilds`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ id: LOCAL_SECOND_GUILD_ID }),
  });
  const stripe = await serveLocalStripe(ports.stripeApi, {
    webhookUrl: `http://127.0.0.1:${ports.maxis}/webhooks/stripe`,
    webhookSecret: values["STRIPE_WEBHOOK_SECRET"] ?? "",
  });
  stoppers.push(() => stripe.close());
  const dashboard = await serveDashboardDev(ports.dashboard, `http://127.0.0.1:${ports.maxis}`);
  stoppers.push(dashboard.close);

  // Maxis first: Shellia's service binding connects to it through wrangler's local dev registry.
  await startWorker("maxis", ports.maxis, ports.maxis + 1000);
  await startWorker("shellia", ports.shellia, ports.shellia + 1000);

  // What the Cron Trigger does every minute in production (connect Maxis's Gateway, periodic jobs).
  const scheduled = `http://127.0.0.1:${ports.maxis}/__scheduled?cron=*+*+*+*+*`;
  const runScheduled = () =>
    fetch(scheduled).catch((error: unknown) => console.error(`[maxis] scheduled run failed: ${error}`));
  await runScheduled();
  const cron = setInterval(runScheduled, 60_000);
  stoppers.push(async () => clearInterval(cron));

  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`
Local stack ready in ${seconds} s:
  Shellia (controller)        http://127.0.0.1:${ports.shellia}/interactions   health: /health
  Maxis (shop, tickets)       http://127.0.0.1:${ports.maxis}/interactions   health: /health
  Dashboard (staff)           ${dashboard.url}/   sign in as "${LOCAL_PEOPLE.staff.globalName}" (staff) or "${LOCAL_PEOPLE.member.globalName}" (member)
  Supabase REST stand-in      ${supabase.restUrl}/rest/v1/rpc/<function>
  PostgreSQL                  ${supabase.databaseUrl}
  Discord API stand-in        ${discord.apiBase}   (requests: ${discord.url}/__local/requests)
  Stripe API stand-in         ${stripe.url}/v1   (pay a checkout: npm run interact -- stripe pay <session id>)

Gateway: Maxis's scheduled handler runs now and every minute (${scheduled}).

Try:  npm run interact -- maxis --ping
      npm run interact -- maxis "/ping"
      npm run interact -- shellia "/maxis status" --admin
Ctrl-C stops everything; data is kept (npm run db:reset wipes it).`);
} catch (error) {
  console.error(`The local stack could not start: ${(error as Error).message}`);
  await stopAll(1);
}
