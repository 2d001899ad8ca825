import type { PlanDuration } from "../../shared/contracts/plans";
import type { CodedError, Result } from "../../shared/result";

/** A plan as /shop shows it: the list price and, while a promotion runs, the promoted one. */
export interface ShopPlan {
  /** Stable and unique across servers (promotions and payments point at it). */
  id: string;
  /** What people type (`pro`); unique within its server only. */
  key: string;
  /** In the reader's language (English when no French name is written). */
  name: string;
  description: string;
  /** Integer amount in the currency's minor unit (cents). */
  priceCents: number;
  /** ISO 4217 code, e.g. `EUR`. */
  currency: string;
  /** How long one payment lasts. */
  duration: PlanDuration;
  /** The SKU when Discord sells this plan too (Premium Apps), for its premium button. */
  discordSkuId: string | null;
  /** Paying for it gives a Discord role in the server. */
  grantsRole: boolean;
  /** The best live promotion on this plan, if any. */
  promotion: {
    id: number;
    percent: number;
    /** Never below the plan's floor price. */
    promotedCents: number;
    /** ISO timestamp. */
    endsAt: string;
  } | null;
}

export { PLAN_DURATIONS, type PlanDuration } from "../../shared/contracts/plans";

export interface Promotion {
  id: number;
  /** The server whose /shop it changes. */
  guildId: string;
  planId: string;
  planKey: string;
  planName: string;
  percent: number;
  priceCents: number;
  promotedCents: number;
  currency: string;
  startsAt: string;
  endsAt: string;
  createdBy: string;
}

export interface CreatePromotionInput {
  /** The Discord server whose plan it is. */
  guildId: string;
  /** The plan's key in that server, such as `pro`. */
  planKey: string;
  /** 1–90. */
  percent: number;
  /** 1 hour to 30 days. */
  durationSeconds: number;
}

/** Promotions that started within a period, for analytics. */
export interface PromotionFigures {
  /** Promotions started in the period. */
  promotionsRun: number;
  /** How many distinct plans they covered. */
  plansPromoted: number;
  /** Mean percent, rounded; null when none ran. */
  averagePercent: number | null;
  /** Promotions live right now. */
  liveNow: number;
}

export type ShopErrorCode =
  | "unknown_plan"
  | "invalid_server"
  | "invalid_percent"
  | "invalid_duration"
  | "forbidden"
  | "unavailable";

export type ShopError = CodedError<ShopErrorCode>;

export type ShopResult<T> = Result<T, ShopError>;

export const promotionLimits = {
  minPercent: 1,
  maxPercent: 90,
  minDurationSeconds: 3_600,
  maxDurationSeconds: 30 * 86_400,
} as const;
