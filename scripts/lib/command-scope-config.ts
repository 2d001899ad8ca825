import { readFileSync } from "node:fs";
import { type CommandScope, parseCommandScope } from "../../src/shared/discord/command-scope";
import { ok, type Result } from "../../src/shared/result";

/**
 * Maxis's `COMMAND_GUILD_IDS` as `wrangler.maxis.toml` sets it under `[vars]`: the same value the
 * deployed Worker re-syncs its commands with. Read with a pattern rather than a TOML parser: loading
 * wrangler's own reader takes seconds, and the value is one quoted string on one line.
 */
export function maxisCommandScope(tomlPath = "wrangler.maxis.toml"): Result<CommandScope, string> {
  const toml = readFileSync(tomlPath, "utf8");
  const vars = /^\[vars\]\s*$([\s\S]*?)(?=^\[)/m.exec(toml)?.[1] ?? "";
  const line = /^COMMAND_GUILD_IDS\s*=\s*"([^"]*)"\s*(?:#.*)?$/m.exec(vars);
  if (!line) return ok({ kind: "global" });
  return parseCommandScope(line[1]);
}
