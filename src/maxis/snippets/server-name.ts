/**
 * A server's name as Discord gives it to Maxis's bot (`GET /guilds/{id}`), for the `{server}` variable
 * of canned replies. Kept in the Workers cache for an hour; when Discord cannot say, null.
 */
import { DiscordRest } from "../../shared/discord/rest";

const TTL_SECONDS = 3600;
const cacheKey = (guildId: string) => new Request(`https://servers.maxis.invalid/${guildId}/name`);

export async function serverName(
  env: Pick<MaxisEnv, "DISCORD_API_BASE" | "DISCORD_BOT_TOKEN">,
  guildId: string,
  waitUntil: (promise: Promise<unknown>) => void,
): Promise<string | null> {
  const hit = await caches.default.match(cacheKey(guildId));
  if (hit) return ((await hit.json()) as { name: string }).name;
  try {
    const rest = new DiscordRest({
      baseUrl: env.DISCORD_API_BASE,
      botToken: env.DISCORD_BOT_TOKEN,
      maxAttempts: 1,
    });
    const guild = await rest.request<{ name?: unknown }>("GET", `/guilds/${guildId}`);
    if (typeof guild.name !== "string" || !guild.name) return null;
    waitUntil(
      caches.default.put(
        cacheKey(guildId),
        new Response(JSON.stringify({ name: guild.name }), {
          headers: { "Content-Type": "application/json", "Cache-Control": `max-age=${TTL_SECONDS}` },
        }),
      ),
    );
    return guild.name;
  } catch (error) {
    console.warn("snippets: reading the server's name failed", { guildId, error: String(error) });
    return null;
  }
}
