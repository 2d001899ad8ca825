/**
 * The Discord servers an operator may name from Shellia (`/maxis promo server`): Maxis's own (see
 * `maxisGuildIds`), each with its name as Discord gives it to Maxis's bot. Shellia may run on another
 * server, so it can neither list nor name them itself.
 */
import { DiscordRest } from "../../shared/discord/rest";
import { maxisGuildIds } from "../giveaways/channels";

export interface MaxisServer {
  id: string;
  /** null when Discord could not be asked: the id is all there is to show. */
  name: string | null;
}

const SNOWFLAKE = /^\d{17,20}$/;

export const isServerId = (value: string) => SNOWFLAKE.test(value);

/** A control call has about two seconds: one attempt per server, in parallel. */
export async function listMaxisServers(env: MaxisEnv): Promise<MaxisServer[]> {
  const rest = new DiscordRest({
    baseUrl: env.DISCORD_API_BASE,
    botToken: env.DISCORD_BOT_TOKEN,
    maxAttempts: 1,
  });
  return Promise.all(
    maxisGuildIds(env).map(async (id) => {
      try {
        const guild = await rest.request<{ name?: string }>("GET", `/guilds/${id}`);
        return { id, name: typeof guild.name === "string" && guild.name ? guild.name : null };
      } catch (error) {
        console.error(`control: reading the server ${id} failed`, error);
        return { id, name: null };
      }
    }),
  );
}

/** One server's name as Discord gives it to Maxis's bot, or null (one attempt: a control call is short). */
export async function serverName(env: MaxisEnv, id: string): Promise<string | null> {
  const rest = new DiscordRest({
    baseUrl: env.DISCORD_API_BASE,
    botToken: env.DISCORD_BOT_TOKEN,
    maxAttempts: 1,
  });
  try {
    const guild = await rest.request<{ name?: string }>("GET", `/guilds/${id}`);
    return typeof guild.name === "string" && guild.name ? guild.name : null;
  } catch (error) {
    console.error(`control: reading the server ${id} failed`, error);
    return null;
  }
}
