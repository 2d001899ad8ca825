/** Maxis's Discord client, signed with its bot token: what every feature that calls Discord uses. */
import { DiscordRest } from "../shared/discord/rest";

/**
 * One client per isolate (and API base and token), kept across requests: the rate-limit buckets and
 * global limit it learns from one notification then hold back the next, instead of being forgotten.
 */
const botClients = new Map<string, DiscordRest>();
export function botRest(env: Pick<MaxisEnv, "DISCORD_API_BASE" | "DISCORD_BOT_TOKEN">): DiscordRest {
  const key = `${env.DISCORD_API_BASE}\n${env.DISCORD_BOT_TOKEN}`;
  let rest = botClients.get(key);
  if (!rest) {
    rest = new DiscordRest({ baseUrl: env.DISCORD_API_BASE, botToken: env.DISCORD_BOT_TOKEN });
    botClients.set(key, rest);
  }
  return rest;
}
