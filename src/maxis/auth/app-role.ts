import { PermissionFlagsBits } from "discord-api-types/payloads/v10";
import type { APIInteractionGuildMember } from "discord-api-types/v10";

/** The role carried in the Supabase JWT; RLS policies read it as `app_role`. */
export type AppRole = "member" | "agent" | "admin";

const has = (permissions: bigint, flag: bigint) => (permissions & flag) === flag;

/** Holds the configured staff role (an empty setting names no role). */
export const hasStaffRole = (roles: readonly string[], staffRoleId: string): boolean =>
  staffRoleId !== "" && roles.includes(staffRoleId);

/**
 * Decides a member's role from what Discord says about them in this interaction:
 * administrators (or Manage Server) are admins; the configured staff role or Manage Messages makes
 * an agent; everyone else is a member. Outside a server everyone is a member.
 */
export function appRoleOf(member: APIInteractionGuildMember | undefined, staffRoleId: string): AppRole {
  if (!member) return "member";
  const permissions = BigInt(member.permissions);
  if (
    has(permissions, PermissionFlagsBits.Administrator) ||
    has(permissions, PermissionFlagsBits.ManageGuild)
  ) {
    return "admin";
  }
  if (hasStaffRole(member.roles, staffRoleId) || has(permissions, PermissionFlagsBits.ManageMessages)) {
    return "agent";
  }
  return "member";
}
