/**
 * `/api/v1/plans…`: the dashboard's Plans page, for the signed-in server's admins (Administrator or
 * Manage Server). Bodies are checked for shape here (valibot: which field, of which type); every value
 * is checked by the plan functions in SQL, the one authority, whose refusal codes come back as
 * `{"error":{"code","message"}}` in the reader's language.
 *
 *   GET   /plans                 every plan of the server, archived ones last
 *   POST  /plans                 create                      → 201 the plan
 *   GET   /plans/:id             the plan and its history (who, before, after)
 *   PATCH /plans/:id             replace every field; `expectedUpdatedAt` guards against lost updates
 *   POST  /plans/:id/archive     take it off sale (PATCH with `active: true` restores it)
 *   PATCH /plans/:id/discord     the Discord role it grants and the SKU that sells it (null: none); the
 *                                role must be one Maxis can give in this server (asked of Discord)
 */
import { Hono } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import * as v from "valibot";
import type { MessageParams } from "../../shared/i18n";
import { fetchGrantableRoles } from "../plans/discord-roles";
import {
  archivePlan,
  createPlan,
  listPlans,
  PLAN_CURRENCIES,
  PLAN_LIMITS,
  type PlanErrorCode,
  type PlanResult,
  setPlanDiscord,
  updatePlan,
  viewPlan,
} from "../plans/rpc";
import type { ApiContext, ApiEnv } from "./context";
import { apiError } from "./errors";
import { clientOf } from "./session-client";
import { jsonBody } from "./validate";

const PLAN_ERROR_STATUS: Record<PlanErrorCode, ContentfulStatusCode> = {
  not_authenticated: 401,
  guild_required: 400,
  admin_only: 403,
  plan_not_found: 404,
  plan_changed: 409,
  invalid_key: 400,
  key_taken: 409,
  name_empty: 400,
  name_too_long: 400,
  name_fr_too_long: 400,
  invalid_name: 400,
  description_too_long: 400,
  description_fr_too_long: 400,
  invalid_price: 400,
  invalid_floor: 400,
  invalid_currency: 400,
  invalid_plan_duration: 400,
  invalid_sort_order: 400,
  invalid_role: 400,
  invalid_sku: 400,
  sku_taken: 409,
  role_not_in_server: 422,
  roles_unavailable: 503,
};

export function planError(c: ApiContext, code: PlanErrorCode) {
  const params: MessageParams = {
    keyMax: PLAN_LIMITS.key,
    nameMax: PLAN_LIMITS.name,
    descriptionMax: PLAN_LIMITS.description,
    priceMax: new Intl.NumberFormat(c.var.locale).format(PLAN_LIMITS.maxPriceCents),
    sortMax: new Intl.NumberFormat(c.var.locale).format(PLAN_LIMITS.maxSortOrder),
    currencies: PLAN_CURRENCIES.join(", "),
  };
  return apiError(c, PLAN_ERROR_STATUS[code], code, c.var.t(`plan.error.${code}`, params));
}

function respond<T>(c: ApiContext, result: PlanResult<T>, status: ContentfulStatusCode = 200) {
  return result.ok ? c.json(result.value as object, status) : planError(c, result.error.code);
}

/** Shapes only: the values (lengths, ranges, the currency, the key's form) are SQL's to judge. */
const planFields = {
  key: v.string(),
  name: v.string(),
  nameFr: v.exactOptional(v.string(), ""),
  description: v.exactOptional(v.string(), ""),
  descriptionFr: v.exactOptional(v.string(), ""),
  priceCents: v.pipe(v.number(), v.safeInteger()),
  floorCents: v.exactOptional(v.pipe(v.number(), v.safeInteger()), 0),
  currency: v.string(),
  duration: v.string(),
  active: v.exactOptional(v.boolean(), true),
  /** Missing or null: after the server's last plan. */
  sortOrder: v.exactOptional(v.nullable(v.pipe(v.number(), v.safeInteger()))),
};
const createBody = v.strictObject(planFields);
const updateBody = v.strictObject({
  ...planFields,
  sortOrder: v.pipe(v.number(), v.safeInteger()),
  expectedUpdatedAt: v.pipe(v.string(), v.isoTimestamp()),
});

/** A plan id as the database makes them; anything else cannot name a plan. */
const PLAN_ID = /^[a-z0-9][a-z0-9-]{0,31}$/;

export const planRoutes = new Hono<ApiEnv>();

// Agents have no business here: refused before any database call (the functions refuse them too).
planRoutes.use("/plans/*", async (c, next) =>
  c.var.session.app_role === "admin" ? next() : planError(c, "admin_only"),
);
planRoutes.use("/plans", async (c, next) =>
  c.var.session.app_role === "admin" ? next() : planError(c, "admin_only"),
);
planRoutes.use("/plans/:id/*", async (c, next) =>
  PLAN_ID.test(c.req.param("id") ?? "") ? next() : planError(c, "plan_not_found"),
);
planRoutes.use("/plans/:id", async (c, next) =>
  PLAN_ID.test(c.req.param("id") ?? "") ? next() : planError(c, "plan_not_found"),
);

planRoutes.get("/plans", async (c) => respond(c, await listPlans(await clientOf(c))));

planRoutes.post("/plans", async (c) => {
  const body = await jsonBody(c, createBody);
  if (!body.ok) return body.error;
  const { sortOrder, ...rest } = body.value;
  // No position: the function puts the plan after the last one.
  return respond(c, await createPlan(await clientOf(c), { ...rest, sortOrder: sortOrder ?? null }), 201);
});

planRoutes.get("/plans/:id", async (c) => respond(c, await viewPlan(await clientOf(c), c.req.param("id"))));

planRoutes.patch("/plans/:id", async (c) => {
  const body = await jsonBody(c, updateBody);
  if (!body.ok) return body.error;
  const { expectedUpdatedAt, ...input } = body.value;
  return respond(c, await updatePlan(await clientOf(c), c.req.param("id"), expectedUpdatedAt, input));
});

planRoutes.post("/plans/:id/archive", async (c) =>
  respond(c, await archivePlan(await clientOf(c), c.req.param("id"))),
);

const SNOWFLAKE = /^\d{17,20}$/;
const discordBody = v.strictObject({
  roleId: v.nullable(v.string()),
  skuId: v.nullable(v.string()),
  expectedUpdatedAt: v.pipe(v.string(), v.isoTimestamp()),
});

planRoutes.patch("/plans/:id/discord", async (c) => {
  const body = await jsonBody(c, discordBody);
  if (!body.ok) return body.error;
  const roleId = body.value.roleId?.trim() || null;
  const skuId = body.value.skuId?.trim() || null;
  if (roleId !== null && !SNOWFLAKE.test(roleId)) return planError(c, "invalid_role");
  if (skuId !== null && !SNOWFLAKE.test(skuId)) return planError(c, "invalid_sku");
  if (roleId !== null) {
    // The database cannot ask Discord: a role that is not the server's (or that nobody can be given)
    // would make every grant fail, so it is refused here, from Discord's own list.
    let roles: { id: string }[];
    try {
      roles = await fetchGrantableRoles(c.env, c.var.session.guild_id);
    } catch (error) {
      console.error("api: reading the server's roles failed", error);
      return planError(c, "roles_unavailable");
    }
    if (!roles.some((role) => role.id === roleId)) return planError(c, "role_not_in_server");
  }
  return respond(
    c,
    await setPlanDiscord(await clientOf(c), c.req.param("id"), body.value.expectedUpdatedAt, {
      roleId,
      skuId,
    }),
  );
});
