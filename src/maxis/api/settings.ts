/**
 * `/api/v1/settings…`: the dashboard's Settings page. Staff read the server's settings; its admins
 * change them through the same SQL functions as `/setup` (server_settings_update,
 * ticket_category_update), which check every value and audit every change. The role and channel
 * pickers read the server's roles and channels from Discord (bot token, cached a minute).
 *
 *   GET   /settings                  settings and categories (staff)
 *   PATCH /settings                  only the fields sent change (admins)
 *   PATCH /settings/categories/:key  one category: labels, emoji, roles, questions, enabled, position
 *   GET   /settings/discord          { roles, channels } of the server, for the pickers (staff)
 */
import { Hono } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import * as v from "valibot";
import { type ServerSettings, ServerSettingsSchema } from "../../shared/contracts/settings";
import { guildChannels, guildRoles } from "../servers/discord-directory";
import { rememberServerSettings } from "../servers/settings-store";
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
} as const satisfies Record<string, ContentfulStatusCode>;
export type SettingsErrorCode = keyof typeof SETTINGS_ERRORS;

const isSettingsErrorCode = (code: string): code is SettingsErrorCode => code in SETTINGS_ERRORS;

export const settingsError = (c: ApiContext, code: SettingsErrorCode) =>
  apiError(c, SETTINGS_ERRORS[code], code, c.var.t(`settings.error.${code}`));

async function rpc(c: ApiContext, fn: string, args: Record<string, unknown>) {
  const { data, error } = await (await clientOf(c)).rpc(fn, args);
  if (error) {
    if (isSettingsErrorCode(error.message))
      return { ok: false as const, response: settingsError(c, error.message) };
    throw new Error(`settings: ${fn} failed: ${JSON.stringify(error)}`);
  }
  return { ok: true as const, data: data as unknown };
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
const question = v.strictObject({
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
  return result.ok ? c.json(result.data as object) : result.response;
});

settingsRoutes.patch("/settings", async (c) => {
  if (c.var.session.app_role !== "admin") return settingsError(c, "admin_only");
  const body = await jsonBody(c, settingsChanges);
  if (!body.ok) return body.error;
  const result = await rpc(c, "server_settings_update", { p_changes: body.value });
  if (!result.ok) return result.response;
  // This isolate's interactions see the change at once (others within the settings cache's TTL).
  const fresh = v.safeParse(ServerSettingsSchema, result.data);
  if (fresh.success) rememberServerSettings(fresh.output as ServerSettings);
  return c.json(result.data as object);
});

settingsRoutes.patch("/settings/categories/:key", async (c) => {
  if (c.var.session.app_role !== "admin") return settingsError(c, "admin_only");
  const key = c.req.param("key");
  if (!/^[a-z_]{1,32}$/.test(key)) return settingsError(c, "invalid_category");
  const body = await jsonBody(c, categoryChanges);
  if (!body.ok) return body.error;
  const result = await rpc(c, "ticket_category_update", { p_key: key, p_changes: body.value });
  return result.ok ? c.json(result.data as object) : result.response;
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
