/**
 * When a signed-in staff member's role is asked of Discord again. Pure timing rules; the session
 * store (session-store.ts) does the asking. Times are Unix seconds.
 */

/** A role Discord confirmed this recently is used as is: at most this long after losing the role. */
export const ROLE_RECHECK_SECONDS = 5 * 60;
/**
 * When Discord cannot be asked (outage, rate limit), the last confirmed role stands this long after
 * it was confirmed; after that the session is refused until Discord answers again.
 */
export const ROLE_STALE_LIMIT_SECONDS = 15 * 60;
/** After a failed re-check, the next try waits this long: an outage costs Discord no call per request. */
export const RECHECK_RETRY_SECONDS = 30;

export interface RoleCheckTimes {
  /** When Discord last confirmed the role. */
  checkedAt: number;
  /** When Maxis last asked, successfully or not. */
  attemptedAt: number;
}

/** `use` the stored role, or `recheck` it with Discord first. */
export function planRoleCheck(times: RoleCheckTimes, now: number): "use" | "recheck" {
  const age = now - times.checkedAt;
  if (age < ROLE_RECHECK_SECONDS) return "use";
  const justFailed = now - times.attemptedAt < RECHECK_RETRY_SECONDS;
  return justFailed && age < ROLE_STALE_LIMIT_SECONDS ? "use" : "recheck";
}

/** After a re-check Discord did not answer: whether the last confirmed role may still be used. */
export const staleRoleUsable = (checkedAt: number, now: number) => now - checkedAt < ROLE_STALE_LIMIT_SECONDS;
