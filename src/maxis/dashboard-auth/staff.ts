import type { APIGuildMember, APIUser, RESTAPIPartialCurrentUserGuild } from "discord-api-types/v10";
import { type AppRole, appRoleOf } from "../auth/app-role";

/** Discord's CDN address of a user's avatar, or null for the default one. */
export function avatarUrl(user: Pick<APIUser, "id" | "avatar">): string | null {
  return user.avatar ? `https://cdn.discordapp.com/avatars/${user.id}/${user.avatar}.png?size=64` : null;
}

export function displayName(user: Pick<APIUser, "username" | "global_name">, member?: APIGuildMember | null) {
  return member?.nick || user.global_name || user.username;
}

/**
 * The dashboard role of a signed-in user, decided exactly as for their interactions
 * (`appRoleOf`): their permissions in the guild (from `/users/@me/guilds`, which Discord computes,
 * owner included) and their roles (from `/users/@me/guilds/{guild}/member`). Not in the guild: member.
 */
export function dashboardRole(
  _user: APIUser,
  guild: RESTAPIPartialCurrentUserGuild | undefined,
  member: APIGuildMember | null,
  staffRoleIds: readonly string[],
): AppRole {
  if (!guild || !member) return "member";
  return appRoleOf({ roles: member.roles, permissions: guild.permissions }, staffRoleIds);
}
