/**
 * The roles a plan may grant: the server's roles as Maxis's bot reads them from Discord
 * (GET /guilds/{guild}/roles), without @everyone (every member holds it; its id is the server's) and
 * without roles Discord manages (bots' and boosters' roles, which nobody can be given by hand).
 */
import type { APIRole } from "discord-api-types/v10";
import type { GrantableRole } from "../../shared/contracts/plans";
import { DiscordRest } from "../../shared/discord/rest";

export type { GrantableRole };

/** Pure: the grantable roles among a server's, highest first (as Discord's role list shows them). */
export function grantableRoles(guildId: string, roles: readonly APIRole[]): GrantableRole[] {
  return roles
    .filter((role) => role.id !== guildId && !role.managed)
    .sort((a, b) => b.position - a.position)
    .map(({ id, name, color, position }) => ({ id, name, color, position }));
}

/** Throws when Discord cannot be asked (the caller says so rather than accepting an unchecked role). */
export async function fetchGrantableRoles(env: MaxisEnv, guildId: string): Promise<GrantableRole[]> {
  const rest = new DiscordRest({
    baseUrl: env.DISCORD_API_BASE,
    botToken: env.DISCORD_BOT_TOKEN,
    // A dashboard request: a short wait at most.
    maxAttempts: 2,
    maxWaitMs: 2_000,
  });
  return grantableRoles(guildId, await rest.request<APIRole[]>("GET", `/guilds/${guildId}/roles`));
}
