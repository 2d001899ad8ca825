import { commandPaths, parseCommandScope } from "../../../shared/discord/command-scope";
import { DiscordApiError, DiscordRest } from "../../../shared/discord/rest";
import type { Translator } from "../../../shared/i18n";
import { maxisHandlers } from "../../commands";

export type SyncOutcome =
  | { ok: true; count: number; guildIds: readonly string[] | null }
  | { ok: false; reason: "no_application_id" | "bad_command_guilds" | string; detail?: string };

/**
 * Bulk-overwrites Maxis's commands with the definitions `npm run register -- maxis` sends
 * (`maxisHandlers`), where that script puts them: in the servers listed in COMMAND_GUILD_IDS, or
 * globally when it is empty. Never both, so no server lists a command twice.
 */
export async function syncCommands(env: MaxisEnv): Promise<SyncOutcome> {
  if (!env.DISCORD_APPLICATION_ID) return { ok: false, reason: "no_application_id" };
  const scope = parseCommandScope(env.COMMAND_GUILD_IDS);
  if ("error" in scope) return { ok: false, reason: "bad_command_guilds", detail: scope.error };
  // A control call has about two seconds: no long rate-limit waits here.
  const rest = new DiscordRest({
    baseUrl: env.DISCORD_API_BASE,
    botToken: env.DISCORD_BOT_TOKEN,
    maxAttempts: 2,
    maxWaitMs: 1_000,
  });
  const body = maxisHandlers.commands.map((command) => command.data);
  try {
    const counts = await Promise.all(
      commandPaths(env.DISCORD_APPLICATION_ID, scope).map(async (path) => {
        const registered = await rest.request<unknown[]>("PUT", path, { body });
        return Array.isArray(registered) ? registered.length : 0;
      }),
    );
    return {
      ok: true,
      count: Math.min(...counts),
      guildIds: scope.kind === "guilds" ? scope.guildIds : null,
    };
  } catch (error) {
    console.error("control: command sync failed", error);
    return { ok: false, reason: error instanceof DiscordApiError ? `HTTP ${error.status}` : "network error" };
  }
}

/** What a sync did, in the operator's language: where the commands went, or why they did not. */
export function syncMessage(
  t: Translator,
  sync: SyncOutcome,
): { ok: boolean; code: string; message: string } {
  if (sync.ok) {
    const where = sync.guildIds
      ? t("control.sync.where_guilds", { guilds: sync.guildIds.join(", ") })
      : t("control.sync.where_global");
    return { ok: true, code: "ok", message: t("control.execute.synced", { count: sync.count, where }) };
  }
  if (sync.reason === "no_application_id")
    return { ok: false, code: "no_application_id", message: t("control.execute.no_application_id") };
  if (sync.reason === "bad_command_guilds")
    return {
      ok: false,
      code: "bad_command_guilds",
      message: t("control.sync.bad_command_guilds", { detail: sync.detail ?? "" }),
    };
  return {
    ok: false,
    code: "sync_failed",
    message: t("control.execute.sync_failed", { reason: sync.reason }),
  };
}
