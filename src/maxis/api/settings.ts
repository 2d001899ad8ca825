/**
 * `/api/v1/settings…`: the dashboard's Settings page. Staff read the server's settings; its admins
 * change them through the same SQL functions as `/setup` (server_settings_update,
 * ticket_category_update), which check every value and audit every change. The role and channel
 * pickers read the server's roles and channels from Discord (bot token, cached a minute).
 *
 *   GET   /settings                  settings and categories (staff)
 *   PATCH /settings                  only the fields sent change (admins)
 *   PATCH /settings/categories/:key  one category: labels, emoji, roles, questions, enabled, position
 *   (adding a category and reordering them: settings-categories.ts)
 *   GET   /settings/discord          { roles, channels } of the server, for the pickers (staff)
 */
import { Hono } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import * as v from "valibot";
import { type ServerSettings, ServerSettingsSchema } from "../../shared/contracts/settings";
import { CATEGORY_KEY_PATTERN } from "../../shared/contracts/tickets";
import { err, type Result } from "../../shared/result";
import { guildChannels, guildRoles } from "../servers/discord-directory";
import { forgetServerSettingsOf, rememberServerSettings } from "../servers/settings-store";
import { rpcCaller } from "../supabase/rpc-result";
import type { ApiContext, ApiEnv } from "./context";
import { apiError } from "./errors";
import { clientOf } from "./session-client";
import { jsonBody } from "./validate";

const SETTINGS_ERRORS = {
  not_authenticated: 401,
  guild_required: 400,
  staff_only: 403,
  admin_only: 403,
  server_not_set_up: 404,
  invalid_settings: 400,
  invalid_category: 404,
  invalid_open_ticket_limit: 400,
  invalid_dm_notifications: 400,
  invalid_roles: 400,
  invalid_staff_channel: 400,
  invalid_support_channel: 400,
  invalid_locale: 400,
  invalid_label: 400,
  invalid_emoji: 400,
  invalid_questions: 400,
  invalid_question_label: 400,
  invalid_question_placeholder: 400,
  invalid_panel_title: 400,
  invalid_panel_text: 400,
  invalid_category_key: 400,
  invalid_category_order: 400,
  category_exists: 409,
  too_many_categories: 409,
} as const satisfies Record<string, ContentfulStatusCode>;
export type SettingsErrorCode = keyof typeof SETTINGS_ERRORS;

export const isSettingsErrorCode = (code: string): code is SettingsErrorCode => code in SETTINGS_ERRORS;

export const settingsError = (c: ApiContext, code: SettingsErrorCode) =>
  apiError(c, SETTINGS_ERRORS[code], code, c.var.t(`settings.error.${code}`));

const settingsCall = rpcCaller((error) => (isSettingsErrorCode(error.message) ? error.message : null));

/** One settings function as the signed-in staff member; a refusal is already the HTTP answer. */
export async function rpc(
  c: ApiContext,
  fn: string,
  args: Record<string, unknown>,
): Promise<Result<unknown, Response>> {
  const result = await settingsCall<unknown>(await clientOf(c), fn, args);
  return result.ok ? result : err(settingsError(c, result.error));
}

/** Shapes only; every value is the SQL functions' to judge. */
const Snowflake = v.pipe(v.string(), v.regex(/^[0-9]{1,20}$/));
const settingsChanges = v.strictObject({
  staffRoleIds: v.optional(v.array(v.string())),
  supportChannelId: v.optional(v.nullable(v.string())),
  staffChannelId: v.optional(v.nullable(v.string())),
  openTicketLimit: v.optional(v.number()),
  dmNotifications: v.optional(v.boolean()),
  defaultLocale: v.optional(v.string()),
  panelTitle: v.optional(v.nullable(v.string())),
  panelText: v.optional(v.nullable(v.string())),
});
export const question = v.strictObject({
  label: v.string(),
  placeholder: v.optional(v.nullable(v.string())),
  style: v.picklist(["short", "paragraph"]),
  required: v.boolean(),
});
const categoryChanges = v.strictObject({
  labelEn: v.optional(v.string()),
  labelFr: v.optional(v.string()),
  emoji: v.optional(v.nullable(v.string())),
  staffRoleIds: v.optional(v.array(Snowflake)),
  questions: v.optional(v.array(question)),
  enabled: v.optional(v.boolean()),
  position: v.optional(v.number()),
});

export const settingsRoutes = new Hono<ApiEnv>();

settingsRoutes.get("/settings", async (c) => {
  const result = await rpc(c, "server_settings_view", {});
  return result.ok ? c.json(result.value as object) : result.error;
});

settingsRoutes.patch("/settings", async (c) => {
  if (c.var.session.app_role !== "admin") return settingsError(c, "admin_only");
  const body = await jsonBody(c, settingsChanges);
  if (!body.ok) return body.error;
  const result = await rpc(c, "server_settings_update", { p_changes: body.value });
  if (!result.ok) return result.error;
  // This isolate's interactions see the change at once (others within the settings cache's TTL).
  const fresh = v.safeParse(ServerSettingsSchema, result.value);
  if (fresh.success) rememberServerSettings(fresh.output as ServerSettings);
  return c.json(result.value as object);
});

settingsRoutes.patch("/settings/categories/:key", async (c) => {
  if (c.var.session.app_role !== "admin") return settingsError(c, "admin_only");
  const key = c.req.param("key");
  if (!CATEGORY_KEY_PATTERN.test(key)) return settingsError(c, "invalid_category");
  const body = await jsonBody(c, categoryChanges);
  if (!body.ok) return body.error;
  const result = await rpc(c, "ticket_category_update", { p_key: key, p_changes: body.value });
  if (result.ok) forgetServerSettingsOf(c.var.session.guild_id);
  return result.ok ? c.json(result.value as object) : result.error;
});

settingsRoutes.get("/settings/discord", async (c) => {
  const guildId = c.var.session.guild_id;
  const waitUntil = (promise: Promise<unknown>) => c.executionCtx.waitUntil(promise);
  try {
    const [roles, channels] = await Promise.all([
      guildRoles(c.env, guildId, waitUntil),
      guildChannels(c.env, guildId, waitUntil),
    ]);
    return c.json({ roles, channels });
  } catch (error) {
    console.warn("settings: reading the server's roles and channels failed", {
      guildId,
      error: String(error),
    });
    return apiError(c, 502, "discord_unavailable", c.var.t("settings.error.discord_unavailable"));
  }
});
