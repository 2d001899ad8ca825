/**
 * `/api/v1/settings/categories…`: a server's admins add ticket categories of their own and put them
 * in order, through ticket_category_create and ticket_categories_reorder (which check every value,
 * keep at most 25 per server and audit the change). Editing one category is in settings.ts.
 *
 *   POST /settings/categories        { key?, labelEn, labelFr, emoji?, staffRoleIds?, questions?, enabled? }
 *   PUT  /settings/categories/order  { keys: [every key of the server, first to last] }
 */
import { Hono } from "hono";
import * as v from "valibot";
import { forgetServerSettingsOf } from "../servers/settings-store";
import type { ApiEnv } from "./context";
import { question, rpc, settingsError } from "./settings";
import { jsonBody } from "./validate";

/** Shapes only; the key's form, the labels' lengths and the cap are the SQL function's to judge. */
const newCategory = v.strictObject({
  key: v.optional(v.nullable(v.string())),
  labelEn: v.string(),
  labelFr: v.string(),
  emoji: v.optional(v.nullable(v.string())),
  staffRoleIds: v.optional(v.array(v.string())),
  questions: v.optional(v.array(question)),
  enabled: v.optional(v.boolean()),
});
const categoryOrder = v.strictObject({ keys: v.pipe(v.array(v.string()), v.maxLength(25)) });

export const categoryRoutes = new Hono<ApiEnv>();

categoryRoutes.post("/settings/categories", async (c) => {
  if (c.var.session.app_role !== "admin") return settingsError(c, "admin_only");
  const body = await jsonBody(c, newCategory);
  if (!body.ok) return body.error;
  const result = await rpc(c, "ticket_category_create", { p_category: body.value });
  if (!result.ok) return result.error;
  // This isolate's panels and /ticket create see the new category at once (others within the TTL).
  forgetServerSettingsOf(c.var.session.guild_id);
  return c.json(result.value as object, 201);
});

categoryRoutes.put("/settings/categories/order", async (c) => {
  if (c.var.session.app_role !== "admin") return settingsError(c, "admin_only");
  const body = await jsonBody(c, categoryOrder);
  if (!body.ok) return body.error;
  const result = await rpc(c, "ticket_categories_reorder", { p_keys: body.value.keys });
  if (!result.ok) return result.error;
  forgetServerSettingsOf(c.var.session.guild_id);
  return c.json(result.value as object);
});
