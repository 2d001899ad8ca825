import { commandPaths, parseCommandScope } from "../../../shared/discord/command-scope";
import { DiscordApiError, DiscordRest } from "../../../shared/discord/rest";
import type { Translator } from "../../../shared/i18n";
import { err, ok, type Result } from "../../../shared/result";
import { maxisHandlers } from "../../commands";

/** How many commands Discord now lists, and in which servers (null: globally). */
export interface SyncedCommands {
  count: number;
  guildIds: readonly string[] | null;
}

export type SyncFailure =
  | { code: "no_application_id" }
  | { code: "bad_command_guilds"; detail: string }
  /** `reason`: `HTTP <status>` or `network error`. */
  | { code: "sync_failed"; reason: string };

export type SyncOutcome = Result<SyncedCommands, SyncFailure>;

/**
 * Bulk-overwrites Maxis's commands with the definitions `npm run register -- maxis` sends
 * (`maxisHandlers`), where that script puts them: in the servers listed in COMMAND_GUILD_IDS, or
 * globally when it is empty. Never both, so no server lists a command twice.
 */
export async function syncCommands(env: MaxisEnv): Promise<SyncOutcome> {
  if (!env.DISCORD_APPLICATION_ID) return err({ code: "no_application_id" });
  const configured = parseCommandScope(env.COMMAND_GUILD_IDS);
  if (!configured.ok) return err({ code: "bad_command_guilds", detail: configured.error });
  const scope = configured.value;
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
    return ok({ count: Math.min(...counts), guildIds: scope.kind === "guilds" ? scope.guildIds : null });
  } catch (error) {
    console.error("control: command sync failed", error);
    const reason = error instanceof DiscordApiError ? `HTTP ${error.status}` : "network error";
    return err({ code: "sync_failed", reason });
  }
}

/** What a sync did, in the operator's language: where the commands went, or why they did not. */
export function syncMessage(
  t: Translator,
  sync: SyncOutcome,
): Result<string, { code: SyncFailure["code"]; message: string }> {
  if (sync.ok) {
    const { count, guildIds } = sync.value;
    const where = guildIds
      ? t("control.sync.where_guilds", { guilds: guildIds.join(", ") })
      : t("control.sync.where_global");
    return ok(t("control.execute.synced", { count, where }));
  }
  const failure = sync.error;
  switch (failure.code) {
    case "no_application_id":
      return err({ code: failure.code, message: t("control.execute.no_application_id") });
    case "bad_command_guilds":
      return err({
        code: failure.code,
        message: t("control.sync.bad_command_guilds", { detail: failure.detail }),
      });
    case "sync_failed":
      return err({
        code: failure.code,
        message: t("control.execute.sync_failed", { reason: failure.reason }),
      });
  }
}
