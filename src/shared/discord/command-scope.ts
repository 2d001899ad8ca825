/**
 * Where a Worker's slash commands live with Discord: globally, or as server commands in a fixed list
 * of servers. Never both, or those servers would list every command twice. `npm run register` and
 * Maxis's command re-sync read the same setting (Maxis's `COMMAND_GUILD_IDS`).
 */

import { cutAt } from "../markdown";
import { err, ok, type Result } from "../result";

/** Where commands are registered (kinds, not a result). */
export type CommandScope = { kind: "global" } | { kind: "guilds"; guildIds: readonly string[] };

const SNOWFLAKE = /^\d{17,20}$/;

/** `""` → global; `"123…, 456…"` → those servers; anything that is not a server id is an error. */
export function parseCommandScope(raw: string | undefined): Result<CommandScope, string> {
  const ids = (raw ?? "")
    .split(",")
    .map((id) => id.trim())
    .filter((id) => id.length > 0);
  if (ids.length === 0) return ok({ kind: "global" });
  const bad = ids.find((id) => !SNOWFLAKE.test(id));
  if (bad !== undefined) return err(`"${cutAt(bad, 40)}" is not a Discord server id (17 to 20 digits)`);
  return ok({ kind: "guilds", guildIds: [...new Set(ids)] });
}

/** The bulk-overwrite endpoints for a scope: one for global commands, one per server otherwise. */
export function commandPaths(applicationId: string, scope: CommandScope): string[] {
  return scope.kind === "global"
    ? [`/applications/${applicationId}/commands`]
    : scope.guildIds.map((guild) => `/applications/${applicationId}/guilds/${guild}/commands`);
}
