/**
 * The shop as the rest of Maxis uses it: /shop, and the control API (Shellia's `/maxis promo`,
 * `status` and `analytics`). Every call is one SQL function call, one transaction, under RLS.
 *
 *   listShop(env, actor, locale?, guildId?): Promise<ShopResult<ShopPlan[]>>
 *     A server's live plans, promoted prices, end times. A member sees their interaction's server
 *     (nothing in a DM); the control API names the server (`guildId`).
 *   createPromotion(env, actor, { guildId, planKey, percent, durationSeconds }): Promise<ShopResult<Promotion>>
 *     The control API only. Errors: invalid_server, unknown_plan, invalid_percent (1–90),
 *     invalid_duration (1 h–30 d), forbidden, unavailable.
 *   livePromotions(env, actor): Promise<ShopResult<Promotion[]>>   — soonest end first
 *   promotionFigures(env, actor, since: Date, until?: Date): Promise<ShopResult<PromotionFigures>>
 *     Staff or control only.
 *   shopErrorMessage(t, error): string   — the error in the caller's language
 *
 * `actor` is `{ kind: "member", identity }` for a Discord member (their own JWT) or `CONTROL_ACTOR`
 * for the control API (a service_role JWT with sub "control"), never the latter for a member.
 */

import type { PostgrestError } from "@supabase/postgrest-js";
import type { Locale, Translator } from "../../shared/i18n";
import { type Err, err } from "../../shared/result";
import type { PlanRow } from "../plans/rpc";
import type { SupabaseBindings } from "../supabase/client";
import { type ShopActor, supabaseFor } from "./actor";
import { validatePromotionInput } from "./promotion";
import type {
  CreatePromotionInput,
  Promotion,
  PromotionFigures,
  ShopError,
  ShopErrorCode,
  ShopPlan,
  ShopResult,
} from "./types";

export { CONTROL_ACTOR, type ShopActor } from "./actor";
/** The shop's types, for callers that import the service only. */
export type * from "./types";

export type ShopEnv = SupabaseBindings;

type ListedColumn = "id" | "key" | "name" | "name_fr" | "description" | "description_fr" | "currency";

/** A plan as `list_shop` returns it: the plan's own columns, and its live promotion if any. */
interface ShopPlanRow extends Pick<PlanRow, ListedColumn | "price_cents" | "duration" | "discord_sku_id"> {
  promotion_id: number | null;
  percent: number | null;
  promoted_cents: number | null;
  promotion_ends_at: string | null;
  grants_role: boolean;
}

interface PromotionRow {
  id: number;
  guild_id: string;
  plan_id: string;
  plan_key: string;
  plan_name: string;
  percent: number;
  price_cents: number;
  promoted_cents: number;
  currency: string;
  starts_at: string;
  ends_at: string;
  created_by: string;
}

interface FiguresRow {
  promotions_run: number;
  plans_promoted: number;
  average_percent: number | null;
  live_now: number;
}

/** The SQL functions raise these as their message; anything else is our problem, not the caller's. */
const SQL_ERROR_CODES: ReadonlySet<string> = new Set<ShopErrorCode>([
  "unknown_plan",
  "invalid_server",
  "invalid_percent",
  "invalid_duration",
  "forbidden",
]);

function failure(operation: string, error: PostgrestError): Err<ShopError> {
  if (SQL_ERROR_CODES.has(error.message)) return err({ code: error.message as ShopErrorCode });
  if (error.code === "42501") return err({ code: "forbidden" });
  console.error(`shop: ${operation} failed`, error);
  return err({ code: "unavailable" });
}

const toPromotion = (row: PromotionRow): Promotion => ({
  id: row.id,
  guildId: row.guild_id,
  planId: row.plan_id,
  planKey: row.plan_key,
  planName: row.plan_name,
  percent: row.percent,
  priceCents: row.price_cents,
  promotedCents: row.promoted_cents,
  currency: row.currency,
  startsAt: row.starts_at,
  endsAt: row.ends_at,
  createdBy: row.created_by,
});

/**
 * A server's live plans, each named and described in the reader's language (English when no French
 * one is written). Members get their own server's (their JWT says which); the control API names it.
 */
export async function listShop(
  env: ShopEnv,
  actor: ShopActor,
  locale: Locale = "en",
  guildId?: string,
): Promise<ShopResult<ShopPlan[]>> {
  const supabase = await supabaseFor(env, actor);
  const { data, error } = await supabase.rpc("list_shop", guildId ? { p_guild_id: guildId } : {});
  if (error) return failure("list_shop", error);
  return {
    ok: true,
    value: (data as ShopPlanRow[]).map((row) => ({
      id: row.id,
      key: row.key,
      name: (locale === "fr" && row.name_fr) || row.name,
      description: (locale === "fr" && row.description_fr) || row.description,
      priceCents: row.price_cents,
      currency: row.currency,
      duration: row.duration,
      discordSkuId: row.discord_sku_id ?? null,
      grantsRole: row.grants_role,
      promotion:
        row.promotion_id !== null &&
        row.percent !== null &&
        row.promoted_cents !== null &&
        row.promotion_ends_at !== null
          ? {
              id: row.promotion_id,
              percent: row.percent,
              promotedCents: row.promoted_cents,
              endsAt: row.promotion_ends_at,
            }
          : null,
    })),
  };
}

export async function createPromotion(
  env: ShopEnv,
  actor: ShopActor,
  input: CreatePromotionInput,
): Promise<ShopResult<Promotion>> {
  const invalid = validatePromotionInput(input);
  if (invalid) return { ok: false, error: invalid };
  const supabase = await supabaseFor(env, actor);
  const { data, error } = await supabase.rpc("create_promotion", {
    p_guild_id: input.guildId,
    p_plan_key: input.planKey.trim().toLowerCase(),
    p_percent: input.percent,
    p_duration_seconds: input.durationSeconds,
  });
  if (error) return failure("create_promotion", error);
  return { ok: true, value: toPromotion(data as PromotionRow) };
}

export async function livePromotions(env: ShopEnv, actor: ShopActor): Promise<ShopResult<Promotion[]>> {
  const supabase = await supabaseFor(env, actor);
  const { data, error } = await supabase.rpc("live_promotions");
  if (error) return failure("live_promotions", error);
  return { ok: true, value: (data as PromotionRow[]).map(toPromotion) };
}

export async function promotionFigures(
  env: ShopEnv,
  actor: ShopActor,
  since: Date,
  until: Date = new Date(),
): Promise<ShopResult<PromotionFigures>> {
  const supabase = await supabaseFor(env, actor);
  const { data, error } = await supabase.rpc("promotion_figures", {
    p_since: since.toISOString(),
    p_until: until.toISOString(),
  });
  if (error) return failure("promotion_figures", error);
  const row = data as FiguresRow;
  return {
    ok: true,
    value: {
      promotionsRun: row.promotions_run,
      plansPromoted: row.plans_promoted,
      averagePercent: row.average_percent,
      liveNow: row.live_now,
    },
  };
}

export function shopErrorMessage(t: Translator, error: ShopError): string {
  return t(`shop.error.${error.code}`, error.params);
}
