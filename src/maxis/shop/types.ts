/** A plan as /shop shows it: the list price and, while a promotion runs, the promoted one. */
export interface ShopPlan {
  id: string;
  name: string;
  description: string;
  /** Integer amount in the currency's minor unit (cents). */
  priceCents: number;
  /** ISO 4217 code, e.g. `EUR`. */
  currency: string;
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

export interface Promotion {
  id: number;
  planId: string;
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
  /** A plan id such as `pro`. */
  planId: string;
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
  | "invalid_percent"
  | "invalid_duration"
  | "forbidden"
  | "unavailable";

export interface ShopError {
  code: ShopErrorCode;
  params?: Record<string, string | number>;
}

export type ShopResult<T> = { ok: true; value: T } | { ok: false; error: ShopError };

export const promotionLimits = {
  minPercent: 1,
  maxPercent: 90,
  minDurationSeconds: 3_600,
  maxDurationSeconds: 30 * 86_400,
} as const;
