/**
 * Plans as the admins' REST API (`/api/v1/plans`) and the dashboard's Plans page both see them:
 * the values the plan functions accept and the JSON they return. Types and constants only.
 */

/** How long one payment of a plan lasts; `lifetime` is paid once. */
export const PLAN_DURATIONS = ["week", "month", "year", "lifetime"] as const;
export type PlanDuration = (typeof PLAN_DURATIONS)[number];

/** The currencies the plan functions accept (ISO 4217). */
export const PLAN_CURRENCIES = [
  "EUR",
  "USD",
  "GBP",
  "CHF",
  "CAD",
  "AUD",
  "JPY",
  "SEK",
  "NOK",
  "DKK",
  "PLN",
  "BRL",
] as const;

/** Limits the functions enforce, exported so the dashboard's form says them up front. */
export const PLAN_LIMITS = {
  key: 32,
  name: 100,
  description: 500,
  maxPriceCents: 100_000_000,
  maxSortOrder: 100_000,
} as const;

export const PLAN_ERROR_CODES = [
  "not_authenticated",
  "guild_required",
  "admin_only",
  "plan_not_found",
  "plan_changed",
  "invalid_key",
  "key_taken",
  "name_empty",
  "name_too_long",
  "name_fr_too_long",
  "invalid_name",
  "description_too_long",
  "description_fr_too_long",
  "invalid_price",
  "invalid_floor",
  "invalid_currency",
  "invalid_plan_duration",
  "invalid_sort_order",
  // A plan's Discord role and SKU (plan_set_discord; role_not_in_server and roles_unavailable come
  // from Maxis asking Discord first).
  "invalid_role",
  "invalid_sku",
  "sku_taken",
  "role_not_in_server",
  "roles_unavailable",
] as const;
export type PlanErrorCode = (typeof PLAN_ERROR_CODES)[number];

export const isPlanErrorCode = (value: string): value is PlanErrorCode =>
  (PLAN_ERROR_CODES as readonly string[]).includes(value);

/** A plan as its server's admins edit it. Amounts are integer minor units (cents). */
export interface Plan {
  id: string;
  guildId: string;
  key: string;
  name: string;
  nameFr: string;
  description: string;
  descriptionFr: string;
  priceCents: number;
  floorCents: number;
  currency: string;
  duration: PlanDuration;
  /** On sale; false: archived. */
  active: boolean;
  sortOrder: number;
  /** The Discord role a paying member gets, and the Discord SKU that also sells the plan (or null). */
  roleId: string | null;
  skuId: string | null;
  createdAt: string;
  updatedAt: string;
}

type PlanTextField = "key" | "name" | "nameFr" | "description" | "descriptionFr";

/**
 * Every field an admin sets; the server comes from the session, the id from the database. Plain
 * strings and numbers: the SQL function judges the values (`sortOrder` null: after the last plan).
 */
export interface PlanInput
  extends Pick<Plan, PlanTextField | "priceCents" | "floorCents" | "currency" | "active"> {
  duration: string;
  sortOrder: number | null;
}

export interface PlanChange {
  id: number;
  actorId: string;
  action: "created" | "updated" | "archived" | "restored";
  before: Plan | null;
  after: Plan;
  at: string;
}

/** A role a plan may grant: one of the server's own roles (not @everyone, not managed by an integration). */
export interface GrantableRole {
  id: string;
  name: string;
  /** 0xRRGGBB, 0 when the role has no colour. */
  color: number;
  position: number;
}
