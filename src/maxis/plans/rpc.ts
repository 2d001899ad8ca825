/**
 * The server admins' plan functions (supabase/migrations/20261201020000_shop_per_server.sql), one
 * `.rpc()` each: one call, one transaction, as the signed-in admin (the client comes from
 * `supabaseAs`). The functions check the caller (an admin of the server in the JWT) and every field;
 * their refusals come back as `{ ok: false, error: { code } }`, anything else throws.
 */

import type { PlanDuration } from "../shop/types";
import type { RpcClient } from "../supabase/client";

export { PLAN_DURATIONS, type PlanDuration } from "../shop/types";

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

/**
 * Every field an admin sets; the server comes from the session, the id from the database. Plain
 * strings and numbers: the SQL function judges the values (`sortOrder` null: after the last plan).
 */
export interface PlanInput {
  key: string;
  name: string;
  nameFr: string;
  description: string;
  descriptionFr: string;
  priceCents: number;
  floorCents: number;
  currency: string;
  duration: string;
  active: boolean;
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

export type PlanResult<T> = { ok: true; data: T } | { ok: false; error: { code: PlanErrorCode } };

interface PlanRow {
  id: string;
  guild_id: string;
  key: string;
  name: string;
  name_fr: string;
  description: string;
  description_fr: string;
  price_cents: number;
  floor_cents: number;
  currency: string;
  duration: PlanDuration;
  active: boolean;
  sort_order: number;
  role_id?: string | null;
  discord_sku_id?: string | null;
  created_at: string;
  updated_at: string;
}

interface ChangeRow {
  id: number;
  actor_id: string;
  action: PlanChange["action"];
  before: PlanRow | null;
  after: PlanRow;
  at: string;
}

export class PlanRpcError extends Error {
  constructor(operation: string, detail: unknown) {
    super(`plans: ${operation} failed: ${JSON.stringify(detail)}`);
    this.name = "PlanRpcError";
  }
}

const toPlan = (row: PlanRow): Plan => ({
  id: row.id,
  guildId: row.guild_id,
  key: row.key,
  name: row.name,
  nameFr: row.name_fr,
  description: row.description,
  descriptionFr: row.description_fr,
  priceCents: row.price_cents,
  floorCents: row.floor_cents,
  currency: row.currency,
  duration: row.duration,
  active: row.active,
  sortOrder: row.sort_order,
  // Absent from audit rows written before 20261202060000.
  roleId: row.role_id ?? null,
  skuId: row.discord_sku_id ?? null,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

async function call<Row, T>(
  client: RpcClient,
  fn: string,
  args: Record<string, unknown>,
  shape: (row: Row) => T,
): Promise<PlanResult<T>> {
  const { data, error } = await client.rpc(fn, args);
  if (error) {
    if (isPlanErrorCode(error.message)) return { ok: false, error: { code: error.message } };
    throw new PlanRpcError(fn, error);
  }
  return { ok: true, data: shape(data as Row) };
}

const fields = (input: PlanInput) => ({
  p_key: input.key,
  p_name: input.name,
  p_name_fr: input.nameFr,
  p_description: input.description,
  p_description_fr: input.descriptionFr,
  p_price_cents: input.priceCents,
  p_floor_cents: input.floorCents,
  p_currency: input.currency,
  p_duration: input.duration,
  p_active: input.active,
  p_sort_order: input.sortOrder,
});

/** Every plan of the admin's server, archived ones last. */
export const listPlans = (client: RpcClient) =>
  call(client, "plan_list", {}, (rows: PlanRow[]) => rows.map(toPlan));

/** A plan and its history, newest change first. */
export const viewPlan = (client: RpcClient, planId: string) =>
  call(client, "plan_view", { p_plan_id: planId }, (row: { plan: PlanRow; history: ChangeRow[] }) => ({
    plan: toPlan(row.plan),
    history: row.history.map(
      (change): PlanChange => ({
        id: change.id,
        actorId: change.actor_id,
        action: change.action,
        before: change.before ? toPlan(change.before) : null,
        after: toPlan(change.after),
        at: change.at,
      }),
    ),
  }));

export const createPlan = (client: RpcClient, input: PlanInput) =>
  call(client, "plan_create", fields(input), toPlan);

/** `expectedUpdatedAt`: the plan's `updatedAt` when the editor opened it (plan_changed otherwise). */
export const updatePlan = (client: RpcClient, planId: string, expectedUpdatedAt: string, input: PlanInput) =>
  call(
    client,
    "plan_update",
    { p_plan_id: planId, p_expected_updated_at: expectedUpdatedAt, ...fields(input) },
    toPlan,
  );

export const archivePlan = (client: RpcClient, planId: string) =>
  call(client, "plan_archive", { p_plan_id: planId }, toPlan);

/** Sets (null: clears) the plan's Discord role and SKU. The role must exist in the server: checked first. */
export const setPlanDiscord = (
  client: RpcClient,
  planId: string,
  expectedUpdatedAt: string,
  discord: { roleId: string | null; skuId: string | null },
) =>
  call(
    client,
    "plan_set_discord",
    {
      p_plan_id: planId,
      p_expected_updated_at: expectedUpdatedAt,
      p_role_id: discord.roleId,
      p_sku_id: discord.skuId,
    },
    toPlan,
  );
