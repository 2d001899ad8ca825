import { type CreatePromotionInput, promotionLimits, type ShopError } from "./types";

const PLAN_KEY = /^[a-z0-9][a-z0-9-]{0,31}$/;
const SNOWFLAKE = /^\d{17,20}$/;

/**
 * Refuses what the database would refuse anyway, so the member reads a precise reason without a
 * round trip. The SQL function checks the same limits again: it is the authority.
 */
export function validatePromotionInput(input: CreatePromotionInput): ShopError | null {
  if (!SNOWFLAKE.test(input.guildId)) return { code: "invalid_server" };
  if (!PLAN_KEY.test(input.planKey.trim().toLowerCase())) return { code: "unknown_plan" };
  if (
    !Number.isInteger(input.percent) ||
    input.percent < promotionLimits.minPercent ||
    input.percent > promotionLimits.maxPercent
  ) {
    return { code: "invalid_percent" };
  }
  if (
    !Number.isInteger(input.durationSeconds) ||
    input.durationSeconds < promotionLimits.minDurationSeconds ||
    input.durationSeconds > promotionLimits.maxDurationSeconds
  ) {
    return { code: "invalid_duration" };
  }
  return null;
}
