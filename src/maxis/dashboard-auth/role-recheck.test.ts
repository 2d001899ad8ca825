import { describe, expect, it } from "vitest";
import {
  planRoleCheck,
  RECHECK_RETRY_SECONDS,
  ROLE_RECHECK_SECONDS,
  ROLE_STALE_LIMIT_SECONDS,
  staleRoleUsable,
} from "./role-recheck";

const t0 = 1_800_000_000;

describe("planRoleCheck", () => {
  it("uses a recently confirmed role and asks Discord again once it is older than the interval", () => {
    const times = { checkedAt: t0, attemptedAt: t0 };
    expect(planRoleCheck(times, t0 + ROLE_RECHECK_SECONDS - 1)).toBe("use");
    expect(planRoleCheck(times, t0 + ROLE_RECHECK_SECONDS)).toBe("recheck");
  });

  it("after a failed re-check, waits a little before asking again, but never past the stale limit", () => {
    const failedAt = t0 + ROLE_RECHECK_SECONDS;
    const times = { checkedAt: t0, attemptedAt: failedAt };
    expect(planRoleCheck(times, failedAt + 1)).toBe("use");
    expect(planRoleCheck(times, failedAt + RECHECK_RETRY_SECONDS)).toBe("recheck");
    const late = { checkedAt: t0, attemptedAt: t0 + ROLE_STALE_LIMIT_SECONDS };
    expect(planRoleCheck(late, t0 + ROLE_STALE_LIMIT_SECONDS + 1)).toBe("recheck");
  });

  it("keeps the last confirmed role through a short outage only", () => {
    expect(staleRoleUsable(t0, t0 + ROLE_STALE_LIMIT_SECONDS - 1)).toBe(true);
    expect(staleRoleUsable(t0, t0 + ROLE_STALE_LIMIT_SECONDS)).toBe(false);
  });
});
