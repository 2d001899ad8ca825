/**
 * npm run register -- <shellia|maxis> [--guild ID] [--dry-run]
 *
 * Bulk-overwrites a Worker's slash commands with Discord (global, or one guild for instant updates
 * while developing). Reads `<WORKER>_DISCORD_APPLICATION_ID` and `<WORKER>_DISCORD_BOT_TOKEN` from
 * the environment. With --dry-run, or without a token, prints the JSON it would send and exits 0.
 */
import { parseArgs } from "node:util";
import { DiscordRest } from "../src/shared/discord/rest";
import { isWorkerName, loadCommandDefinitions } from "./lib/commands";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { guild: { type: "string" }, "dry-run": { type: "boolean", default: false } },
});

const worker = positionals[0];
if (!isWorkerName(worker)) {
  console.error("Usage: npm run register -- <shellia|maxis> [--guild ID] [--dry-run]");
  process.exit(2);
}
if (values.guild !== undefined && !/^\d{17,20}$/.test(values.guild)) {
  console.error(`--guild must be a Discord server id (17 to 20 digits), not "${values.guild}".`);
  process.exit(2);
}

const prefix = worker.toUpperCase();
const applicationId = process.env[`${prefix}_DISCORD_APPLICATION_ID`];
const botToken = process.env[`${prefix}_DISCORD_BOT_TOKEN`];
const commands = await loadCommandDefinitions(worker);

if (values["dry-run"] || !botToken || !applicationId) {
  console.log(JSON.stringify(commands, null, 2));
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
const path = values.guild
  ? `/applications/${applicationId}/guilds/${values.guild}/commands`
  : `/applications/${applicationId}/commands`;
try {
  const registered = await rest.request<{ name: string; id: string }[]>("PUT", path, { body: commands });
  const scope = values.guild
    ? `server ${values.guild}`
    : "every server (global commands can take a few minutes to appear)";
  console.log(`Registered ${registered.length} ${worker} command(s) for ${scope}:`);
  for (const command of registered) console.log(`  /${command.name}  (id ${command.id})`);
} catch (error) {
  console.error(`Registration failed: ${(error as Error).message}`);
  const body = (error as { body?: unknown }).body;
  if (body) console.error(JSON.stringify(body, null, 2));
  process.exit(1);
}
