/**
 * npm run register -- <shellia|maxis> [--guild ID] [--dry-run]
 *
 * Bulk-overwrites a Worker's slash commands with Discord. Reads `<WORKER>_DISCORD_APPLICATION_ID`
 * and `<WORKER>_DISCORD_BOT_TOKEN` from the environment. With --dry-run, or without a token, prints
 * the JSON it would send and exits 0.
 *
 * Maxis re-syncs its own commands (`/maxis restart`), so where they go is configuration both follow:
 * `COMMAND_GUILD_IDS` in wrangler.maxis.toml (server ids, or empty for global commands). For Maxis,
 * `--guild` may only pick one of those servers. Shellia's go globally, or to the `--guild` given.
 */
import { parseArgs } from "node:util";
import type { CommandScope } from "../src/shared/discord/command-scope";
import { commandPaths } from "../src/shared/discord/command-scope";
import { DiscordRest } from "../src/shared/discord/rest";
import { maxisCommandScope } from "./lib/command-scope-config";
import { isWorkerName, loadCommandDefinitions } from "./lib/commands";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    guild: { type: "string" },
    "dry-run": { type: "boolean", default: false },
    // Another wrangler config for Maxis (tests, or a second deployment of it).
    config: { type: "string", default: "wrangler.maxis.toml" },
  },
});

const worker = positionals[0];
if (!isWorkerName(worker)) {
  console.error(
    "Usage: npm run register -- <shellia|maxis> [--guild ID] [--dry-run] [--config wrangler.maxis.toml]",
  );
  process.exit(2);
}
if (values.guild !== undefined && !/^\d{17,20}$/.test(values.guild)) {
  console.error(`--guild must be a Discord server id (17 to 20 digits), not "${values.guild}".`);
  process.exit(2);
}

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

/** Where this run registers: Maxis's configured place (or one server of it), Shellia's `--guild`. */
function scopeFor(): CommandScope {
  if (worker === "shellia")
    return values.guild ? { kind: "guilds", guildIds: [values.guild] } : { kind: "global" };
  const read = maxisCommandScope(values.config);
  if (!read.ok) fail(`COMMAND_GUILD_IDS in wrangler.maxis.toml: ${read.error}.`);
  const configured = read.value;
  if (values.guild === undefined) return configured;
  if (configured.kind === "global" || !configured.guildIds.includes(values.guild)) {
    fail(
      `--guild ${values.guild} is not in COMMAND_GUILD_IDS (wrangler.maxis.toml), where /maxis restart re-syncs Maxis's commands.\n` +
        "Add it there (and deploy), or the server would list every command twice after a restart.",
    );
  }
  return { kind: "guilds", guildIds: [values.guild] };
}
const scope = scopeFor();

const prefix = worker.toUpperCase();
const applicationId = process.env[`${prefix}_DISCORD_APPLICATION_ID`];
const botToken = process.env[`${prefix}_DISCORD_BOT_TOKEN`];
const commands = await loadCommandDefinitions(worker);

const place = (path: string) => {
  const guild = /\/guilds\/(\d+)\//.exec(path)?.[1];
  return guild ? `server ${guild}` : "every server (global commands can take a few minutes to appear)";
};

if (values["dry-run"] || !botToken || !applicationId) {
  console.log(JSON.stringify(commands, null, 2));
  const where = commandPaths(applicationId ?? "APPLICATION_ID", scope)
    .map(place)
    .join(", ");
  console.error(`\n${commands.length} ${worker} command(s) for ${where}.`);
  if (!values["dry-run"]) {
    console.error(
      `\nNot registered: set ${prefix}_DISCORD_APPLICATION_ID and ${prefix}_DISCORD_BOT_TOKEN to send these ${commands.length} command(s) to Discord.`,
    );
  }
  process.exit(0);
}

const rest = new DiscordRest({
  botToken,
  ...(process.env["DISCORD_API_BASE"] ? { baseUrl: process.env["DISCORD_API_BASE"] } : {}),
});
try {
  for (const path of commandPaths(applicationId, scope)) {
    const registered = await rest.request<{ name: string; id: string }[]>("PUT", path, { body: commands });
    console.log(`Registered ${registered.length} ${worker} command(s) for ${place(path)}:`);
    for (const command of registered) console.log(`  /${command.name}  (id ${command.id})`);
  }
  if (worker === "maxis" && scope.kind === "guilds") {
    // Server commands only: global ones left from an earlier registration would show up twice.
    await rest.request("PUT", commandPaths(applicationId, { kind: "global" })[0] ?? "", { body: [] });
    console.log("Cleared Maxis's global commands, so these servers list each command once.");
  }
} catch (error) {
  console.error(`Registration failed: ${(error as Error).message}`);
  const body = (error as { body?: unknown }).body;
  if (body) console.error(JSON.stringify(body, null, 2));
  process.exit(1);
}
