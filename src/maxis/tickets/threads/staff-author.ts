/**
 * Whether a message's author counts as staff in that server, from the roles Discord reported with the
 * message (the Gateway sends roles, not permissions) and the server's settings: one of its staff roles
 * or of a category's own staff roles (a category's staff write in that category's threads), or a role
 * that gives Administrator or Manage Server (the server's admins, as for interactions).
 */
import { PermissionFlagsBits } from "discord-api-types/payloads/v10";
import type { APIRole } from "discord-api-types/v10";
import type { ServerSettings } from "../../../shared/contracts/settings";
import { botRest } from "../../bot-rest";
import { guildRoles } from "../../servers/channel-access";
import { serverSettings } from "../../servers/settings-store";

const ADMIN = PermissionFlagsBits.Administrator | PermissionFlagsBits.ManageGuild;

/** The staff roles of a server and of its categories. Pure. */
export function holdsStaffRole(
  settings: {
    staffRoleIds: readonly string[];
    categories: readonly Pick<ServerSettings["categories"][number], "staffRoleIds">[];
  },
  roles: readonly string[],
): boolean {
  const staff = new Set([
    ...settings.staffRoleIds,
    ...settings.categories.flatMap((c) => c.staffRoleIds ?? []),
  ]);
  return roles.some((role) => staff.has(role));
}

/** Whether any of these roles makes its holder an admin, from the server's role permissions. Pure. */
export function holdsAdminRole(
  serverRoles: readonly Pick<APIRole, "id" | "permissions">[],
  roles: readonly string[],
): boolean {
  return serverRoles.some((role) => roles.includes(role.id) && (BigInt(role.permissions) & ADMIN) !== 0n);
}

export async function staffAuthor(
  env: MaxisEnv,
  guildId: string,
  roles: readonly string[],
): Promise<boolean> {
  if (roles.length === 0) return false;
  if (holdsStaffRole(await serverSettings(env, guildId), roles)) return true;
  try {
    return holdsAdminRole(await guildRoles(botRest(env), guildId), roles);
  } catch (error) {
    // Discord unreachable: the staff roles decided; the message is not held back for this.
    console.error(`could not read the roles of ${guildId}`, error);
    return false;
  }
}
