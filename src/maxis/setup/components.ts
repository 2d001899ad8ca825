/**
 * The presses on `/setup`'s menus and buttons, and its texts form. Each one checks again that the
 * member is an admin (from the permissions in this signed interaction: the message may have been
 * opened by someone who lost them since, or a custom_id may be forged), saves one change, and
 * redraws the settings in place with what the database now holds.
 */
import { ComponentType } from "discord-api-types/payloads/v10";
import type { APIInteractionResponse } from "discord-api-types/v10";
import type { ServerSettings } from "../../shared/contracts/settings";
import type { ComponentHandler, InteractionContext, ModalHandler } from "../../shared/discord/handlers";
import { ephemeral, updateMessage } from "../../shared/discord/responses";
import { escapeMarkdown } from "../../shared/markdown";
import type { Result } from "../../shared/result";
import type { SettingsErrorCode } from "../api/settings";
import { channelProblem } from "../servers/channel-problem";
import { membersIntentEnabled } from "../servers/members-intent";
import { serverSettings } from "../servers/settings-store";
import {
  overLongText,
  PANEL_TEXT_MAX,
  PANEL_TITLE_MAX,
  parseLimit,
  SETUP_PREFIX,
  SETUP_TEXTS_MODAL,
  setupMessage,
  setupTextsModal,
} from "../servers/setup-view";
import { modalFields } from "../tickets/commands/modal-fields";
import { type AdminIdentity, actingAdmin, refusalText, saveSettings } from "./actions";

const SNOWFLAKE = /^[0-9]{1,20}$/;

/** The selected values of a select menu (none for a button). */
function selected(ctx: InteractionContext<MaxisEnv>): string[] {
  const data = ctx.interaction.data as { component_type?: number; values?: unknown };
  if (data.component_type === ComponentType.Button || !Array.isArray(data.values)) return [];
  return data.values.filter((value): value is string => typeof value === "string");
}

async function redraw(
  ctx: InteractionContext<MaxisEnv>,
  admin: AdminIdentity,
  saved: Result<ServerSettings, SettingsErrorCode | null> | null,
  problem?: string,
): Promise<APIInteractionResponse> {
  const membersIntent = await membersIntentEnabled(ctx.env);
  if (saved?.ok) {
    return updateMessage(
      setupMessage(ctx.t, ctx.locale, saved.value, { status: ctx.t("setup.saved"), membersIntent }),
    );
  }
  const current = await serverSettings(ctx.env, admin.guildId, ctx.locale);
  const status = problem ?? refusalText(ctx.t, saved ? saved.error : null);
  return updateMessage(setupMessage(ctx.t, ctx.locale, current, { status, membersIntent }));
}

async function changeChannel(
  ctx: InteractionContext<MaxisEnv>,
  admin: AdminIdentity,
  which: "support" | "staff",
): Promise<APIInteractionResponse> {
  const [channelId = null] = selected(ctx);
  if (channelId !== null && !SNOWFLAKE.test(channelId)) return redraw(ctx, admin, null);
  if (channelId !== null) {
    const problem = await channelProblem(ctx, admin.guildId, channelId, which);
    if (problem) return redraw(ctx, admin, null, problem);
  }
  const key = which === "support" ? "supportChannelId" : "staffChannelId";
  return redraw(ctx, admin, await saveSettings(ctx.env, admin, { [key]: channelId }));
}

export const setupComponents: ComponentHandler<MaxisEnv> = {
  prefix: SETUP_PREFIX,

  async run(ctx, [control]) {
    const admin = await actingAdmin(ctx.env, ctx.interaction);
    if (!admin) return ephemeral(ctx.t("setup.admin_only"));
    switch (control) {
      case "roles":
        return redraw(ctx, admin, await saveSettings(ctx.env, admin, { staffRoleIds: selected(ctx) }));
      case "support":
      case "staff":
        return changeChannel(ctx, admin, control);
      case "lang": {
        const [language] = selected(ctx);
        if (language !== "en" && language !== "fr") return redraw(ctx, admin, null);
        return redraw(ctx, admin, await saveSettings(ctx.env, admin, { defaultLocale: language }));
      }
      case "dms": {
        const current = await serverSettings(ctx.env, admin.guildId, ctx.locale);
        const changes = { dmNotifications: !current.dmNotifications };
        return redraw(ctx, admin, await saveSettings(ctx.env, admin, changes));
      }
      case "texts":
        return setupTextsModal(ctx.t, await serverSettings(ctx.env, admin.guildId, ctx.locale));
      default:
        return ephemeral(ctx.t("error.unknown_component"));
    }
  },
};

export const setupTextsForm: ModalHandler<MaxisEnv> = {
  prefix: SETUP_TEXTS_MODAL,

  async run(ctx) {
    const admin = await actingAdmin(ctx.env, ctx.interaction);
    if (!admin) return ephemeral(ctx.t("setup.admin_only"));
    const fields = modalFields(ctx.interaction.data.components);
    const typed = fields.get("limit") ?? "";
    const limit = parseLimit(typed);
    if (limit === null) {
      // 20 characters, not UTF-16 units: half an emoji would make Discord refuse the whole answer.
      const shown = [...typed.trim()].slice(0, 20).join("");
      return ephemeral(ctx.t("setup.limit_invalid", { value: escapeMarkdown(shown) }));
    }
    // Discord's form holds these lengths; a client that skips its check is told the limit, not cut.
    const panelTitle = fields.get("title") ?? null;
    const panelText = fields.get("text") ?? null;
    const tooLong =
      overLongText(ctx.t, "panel_title", panelTitle, PANEL_TITLE_MAX) ??
      overLongText(ctx.t, "panel_text", panelText, PANEL_TEXT_MAX);
    if (tooLong) return ephemeral(tooLong);
    const changes = { panelTitle, panelText, openTicketLimit: limit };
    return redraw(ctx, admin, await saveSettings(ctx.env, admin, changes));
  },
};
