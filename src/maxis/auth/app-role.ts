import { PermissionFlagsBits } from "discord-api-types/payloads/v10";
import type { APIInteractionGuildMember } from "discord-api-types/v10";

/** The role carried in the Supabase JWT; RLS policies read it as `app_role`. */
export type AppRole = "member" | "agent" | "admin";

const has = (permissions: bigint, flag: bigint) => (permissions & flag) === flag;

/** What decides a role: the member's permissions (as Discord computed them) and role ids. */
export type RoleHolder = Pick<APIInteractionGuildMember, "permissions" | "roles">;

/**
 * Decides a member's role in a server from what Discord says about them and that server's staff
 * roles (its settings): Administrator or Manage Server make an admin; holding one of the server's
 * staff roles makes an agent; everyone else is a member (Manage Messages alone no longer makes
 * staff). Outside a server everyone is a member.
 */
export function appRoleOf(member: RoleHolder | undefined, staffRoleIds: readonly string[]): AppRole {
  if (!member) return "member";
  const permissions = BigInt(member.permissions);
  if (
    has(permissions, PermissionFlagsBits.Administrator) ||
    has(permissions, PermissionFlagsBits.ManageGuild)
  ) {
    return "admin";
  }
  if (member.roles.some((role) => staffRoleIds.includes(role))) return "agent";
  return "member";
}
