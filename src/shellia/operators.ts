/**
 * Operators are listed by Discord user id in `OPERATOR_USER_IDS` (comma or space separated).
 * Discord's `default_member_permissions` only hides the command; this check is what enforces it.
 */
export function isOperator(allowList: string, userId: string): boolean {
  return allowList
    .split(/[\s,]+/)
    .filter(Boolean)
    .includes(userId);
}
