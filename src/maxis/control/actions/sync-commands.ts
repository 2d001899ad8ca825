import { DiscordApiError, DiscordRest } from "../../../shared/discord/rest";
import { maxisHandlers } from "../../commands";

export type SyncOutcome = { ok: true; count: number } | { ok: false; reason: "no_application_id" | string };

/**
 * Bulk-overwrites Maxis's global commands with the definitions `npm run register -- maxis` sends
 * (`maxisHandlers`), through Discord's REST API with Maxis's bot token.
 */
export async function syncCommands(env: MaxisEnv): Promise<SyncOutcome> {
  if (!env.DISCORD_APPLICATION_ID) return { ok: false, reason: "no_application_id" };
  // A control call has about two seconds: no long rate-limit waits here.
  const rest = new DiscordRest({
    baseUrl: env.DISCORD_API_BASE,
    botToken: env.DISCORD_BOT_TOKEN,
    maxAttempts: 2,
    maxWaitMs: 1_000,
  });
  try {
    const registered = await rest.request<unknown[]>(
      "PUT",
      `/applications/${env.DISCORD_APPLICATION_ID}/commands`,
      {
        body: maxisHandlers.commands.map((command) => command.data),
      },
    );
    return { ok: true, count: Array.isArray(registered) ? registered.length : 0 };
  } catch (error) {
    console.error("control: command sync failed", error);
    return { ok: false, reason: error instanceof DiscordApiError ? `HTTP ${error.status}` : "network error" };
  }
}
