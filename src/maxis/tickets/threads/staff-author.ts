import { hasStaffRole } from "../../auth/app-role";

/**
 * Whether a message's author counts as staff in that server, from the roles Discord reported with the
 * message (the Gateway sends roles, not permissions). One place, so per-server staff roles can
 * replace the configured STAFF_ROLE_ID here alone.
 */
export function staffAuthor(
  env: Pick<MaxisEnv, "STAFF_ROLE_ID">,
  _guildId: string,
  roles: readonly string[],
): boolean {
  return hasStaffRole(roles, env.STAFF_ROLE_ID);
}
