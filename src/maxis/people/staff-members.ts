/**
 * Who in a server's member list may be given tickets: members holding one of the staff roles (the
 * server's or a category's), and admins (a role with Administrator or Manage Server, or the owner).
 * Pure: the list, the roles and the owner come from Discord's REST API (staff-directory.ts).
 */
import { PermissionFlagsBits } from "discord-api-types/payloads/v10";
import type { APIGuildMember, APIRole } from "discord-api-types/v10";
import type { Person } from "../../shared/contracts/people";
import { avatarUrl, displayName } from "../dashboard-auth/staff";

/** A person Maxis may assign, with what decided it (recorded in Postgres for ticket_assign). */
export interface StaffMember extends Person {
  name: string;
  roles: string[];
  admin: boolean;
}

const ADMIN_PERMISSIONS = [PermissionFlagsBits.Administrator, PermissionFlagsBits.ManageGuild];

/** The ids of the roles that make their holders admins of the server. */
export function adminRoleIds(roles: readonly Pick<APIRole, "id" | "permissions">[]): Set<string> {
  return new Set(
    roles
      .filter((role) => {
        const permissions = BigInt(role.permissions);
        return ADMIN_PERMISSIONS.some((flag) => (permissions & flag) === flag);
      })
      .map((role) => role.id),
  );
}

export interface StaffFilter {
  /** The server's staff roles and every category's. */
  staffRoleIds: ReadonlySet<string>;
  adminRoleIds: ReadonlySet<string>;
  ownerId: string | null;
}

/** The members who hold a staff role or are admins; bots and people who left (no user) are skipped. */
export function staffMembersOf(
  members: readonly Pick<APIGuildMember, "user" | "nick" | "roles">[],
  filter: StaffFilter,
): StaffMember[] {
  const found: StaffMember[] = [];
  for (const member of members) {
    const user = member.user;
    if (!user || user.bot) continue;
    const admin = user.id === filter.ownerId || member.roles.some((r) => filter.adminRoleIds.has(r));
    if (!admin && !member.roles.some((r) => filter.staffRoleIds.has(r))) continue;
    found.push({
      id: user.id,
      name: displayName(user, member as APIGuildMember),
      avatarUrl: avatarUrl(user),
      roles: [...member.roles],
      admin,
    });
  }
  return found;
}
