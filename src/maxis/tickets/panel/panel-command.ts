/**
 * `/ticket panel [channel]` (the server's admins): posts the ticket panel in the channel (this one by
 * default), or updates it in place when it is already there. When the panel moved to another channel,
 * or its message was deleted, a new one is posted and remembered (server_settings_record_panel,
 * audited like any settings change).
 */
import { ChannelType } from "discord-api-types/payloads/v10";
import type { APIMessage } from "discord-api-types/v10";
import { parseSettings, type ServerSettings } from "../../../shared/contracts/settings";
import { option } from "../../../shared/discord/command-definition";
import { deferThenEdit } from "../../../shared/discord/followup";
import { ephemeral, messageBody } from "../../../shared/discord/responses";
import { DiscordApiError } from "../../../shared/discord/rest";
import { translatorFor } from "../../../shared/i18n";
import { botRest } from "../../bot-rest";
import { channelProblem } from "../../servers/channel-problem";
import { enabledCategories } from "../../servers/settings";
import { rememberServerSettings, serverSettings } from "../../servers/settings-store";
import { supabaseAs } from "../../supabase/client";
import { ticketSubcommand } from "../commands/define";
import { panelMessage } from "./panel-message";

const channelOption = option.channel("channel", "command.ticket.option.panel_channel", {
  channel_types: [ChannelType.GuildText, ChannelType.GuildAnnouncement],
});

/** Edits the panel where it is; null when Discord no longer has that message. */
async function editInPlace(env: MaxisEnv, settings: ServerSettings, body: unknown): Promise<boolean> {
  try {
    await botRest(env).request(
      "PATCH",
      `/channels/${settings.panelChannelId}/messages/${settings.panelMessageId}`,
      { body },
    );
    return true;
  } catch (error) {
    if (error instanceof DiscordApiError && error.status === 404) return false;
    throw error;
  }
}

export const panelSubcommand = ticketSubcommand({
  name: "panel",
  staffOnly: false,
  options: [channelOption],

  async run({ ctx, identity }, { channel }) {
    if (identity.appRole !== "admin") return ephemeral(ctx.t("setup.admin_only"));
    const channelId = channel ?? ctx.interaction.channel?.id ?? ctx.interaction.channel_id;
    if (!channelId) return ephemeral(ctx.t("panel.failed"));
    const settings = await serverSettings(ctx.env, identity.guildId, ctx.locale);
    if (enabledCategories(settings).length === 0) return ephemeral(ctx.t("panel.no_categories"));
    const problem = await channelProblem(ctx, identity.guildId, channelId, "panel");
    if (problem) return ephemeral(problem);

    return deferThenEdit(
      ctx,
      botRest(ctx.env),
      async () => {
        const locale = settings.defaultLocale;
        const body = messageBody(panelMessage(translatorFor(locale), locale, settings));
        const there = settings.panelChannelId === channelId && settings.panelMessageId !== null;
        if (there && (await editInPlace(ctx.env, settings, body))) {
          return ctx.t("panel.updated", { channel: `<#${channelId}>` });
        }
        const posted = await botRest(ctx.env).request<APIMessage>("POST", `/channels/${channelId}/messages`, {
          body,
        });
        const db = await supabaseAs(ctx.env, identity);
        const { data, error } = await db.rpc("server_settings_record_panel", {
          p_channel_id: channelId,
          p_message_id: posted.id,
        });
        if (error) {
          console.error("panel: recording the panel failed", error);
          return ctx.t("panel.failed");
        }
        rememberServerSettings(parseSettings(data));
        return ctx.t("panel.posted", { channel: `<#${channelId}>` });
      },
      { ephemeral: true },
    );
  },
});
