/**
 * The server admins' plan functions (supabase/migrations/20261201020000_shop_per_server.sql;
 * `plan_set_discord` and the current `plan_json` in 20261202060000_sales.sql), one `.rpc()` each: one
 * call, one transaction, as the signed-in admin (the client comes from `supabaseAs`). The functions check the caller (an admin of the server in the JWT) and every field;
 * their refusals come back as `{ ok: false, error: { code } }`, anything else throws.
 */

import {
  PLAN_ERROR_CODES,
  type Plan,
  type PlanChange,
  type PlanDuration,
  type PlanErrorCode,
  type PlanInput,
} from "../../shared/contracts/plans";
import { ok, type Result } from "../../shared/result";
import type { RpcClient } from "../supabase/client";
import { codeRefusal, rpcCaller } from "../supabase/rpc-result";

/** The shapes the dashboard shares live in the contracts module; Maxis code keeps importing them from here. */
export * from "../../shared/contracts/plans";

export type PlanResult<T> = Result<T, { code: PlanErrorCode }>;

/** A `public.plans` row as the plan functions (and the shop's list) return it. */
export interface PlanRow {
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

const rpc = rpcCaller(codeRefusal(PLAN_ERROR_CODES, true));

/** One `.rpc()` call, its rows shaped for the dashboard. */
async function call<Row, T>(
  client: RpcClient,
  fn: string,
  args: Record<string, unknown>,
  shape: (row: Row) => T,
): Promise<PlanResult<T>> {
  const result = await rpc<Row>(client, fn, args);
  return result.ok ? ok(shape(result.value)) : result;
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
