/**
 * `/setup` (admins): shows the server's settings and changes them with Discord's own role, channel
 * and number pickers. Every change goes through the database's admin-only functions
 * (server_settings_update, ticket_category_update), which audit it; this isolate's cached settings
 * are replaced by what the database answered.
 */
import { ChannelType, PermissionFlagsBits } from "discord-api-types/payloads/v10";
import * as v from "valibot";
import {
  guildCommand,
  localizedChoices,
  option,
  readOptions,
  subcommand,
} from "../../shared/discord/command-definition";
import type { CommandContext, SlashCommand } from "../../shared/discord/handlers";
import { CommandOptions } from "../../shared/discord/options";
import { ephemeral } from "../../shared/discord/responses";
import { DiscordApiError } from "../../shared/discord/rest";
import type { MessageKey } from "../../shared/i18n";
import { actingIdentity } from "../identity";
import { supabaseAs } from "../supabase/client";
import { botRest } from "../tickets/notify";
import { TICKET_CATEGORIES } from "../tickets/rpc";
import { ServerSettingsSchema } from "./settings";
import { rememberServerSettings, serverSettings } from "./settings-store";
import { settingsText } from "./setup-view";

const roleOption = option.role("role", "command.setup.option.role", { required: true });
const categoryOption = option.string("category", "command.setup.option.category", {
  required: true,
  choices: localizedChoices(TICKET_CATEGORIES, (c) => `ticket.category.${c}` as MessageKey),
});
const valueOption = option.integer("value", "command.setup.option.value", {
  required: true,
  min_value: 1,
  max_value: 50,
});
const channelOption = option.channel("channel", "command.setup.option.channel", {
  required: true,
  channel_types: [ChannelType.GuildText, ChannelType.GuildAnnouncement],
});

const show = subcommand("show", "command.setup.show");
const staffRole = subcommand("staff-role", "command.setup.staff_role", [roleOption]);
const categoryRole = subcommand("category-role", "command.setup.category_role", [categoryOption, roleOption]);
const limit = subcommand("limit", "command.setup.limit", [valueOption]);
const staffChannel = subcommand("staff-channel", "command.setup.staff_channel", [channelOption]);

const toggle = (ids: readonly string[], id: string) =>
  ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id];

/** Can Maxis use this channel for the server: one of its text channels that the bot can read? */
async function usableChannel(ctx: CommandContext<MaxisEnv>, guildId: string, channelId: string) {
  try {
    const channel = await botRest(ctx.env).request<{ guild_id?: string; type: number }>(
      "GET",
      `/channels/${channelId}`,
    );
    return (
      channel.guild_id === guildId &&
      (channel.type === ChannelType.GuildText || channel.type === ChannelType.GuildAnnouncement)
    );
  } catch (error) {
    if (error instanceof DiscordApiError && error.status < 500) return false;
    throw error;
  }
}

export const setupCommand: SlashCommand<MaxisEnv> = {
  data: guildCommand({
    name: "setup",
    description: "command.setup.description",
    defaultMemberPermissions: PermissionFlagsBits.ManageGuild,
    options: [show, staffRole, categoryRole, limit, staffChannel],
  }),

  async run(ctx) {
    const { interaction, env, t, locale } = ctx;
    const guildId = interaction.guild_id;
    if (!guildId) return ephemeral(t("setup.admin_only"));
    const identity = await actingIdentity(env, interaction);
    if (identity.appRole !== "admin") return ephemeral(t("setup.admin_only"));
    const options = new CommandOptions(interaction.data);
    const current = await serverSettings(env, guildId, locale);
    const db = await supabaseAs(env, identity);

    let changes: Record<string, unknown> | null = null;
    switch (options.subcommand) {
      case "show":
        return ephemeral(settingsText(t, locale, current));
      case "staff-role":
        changes = {
          staffRoleIds: toggle(current.staffRoleIds, readOptions(options, staffRole.options).role),
        };
        break;
      case "limit":
        changes = { openTicketLimit: readOptions(options, limit.options).value };
        break;
      case "staff-channel": {
        const { channel } = readOptions(options, staffChannel.options);
        if (!(await usableChannel(ctx, guildId, channel))) {
          return ephemeral(t("setup.channel_unusable", { channel: `<#${channel}>` }));
        }
        changes = { staffChannelId: channel };
        break;
      }
      case "category-role": {
        const given = readOptions(options, categoryRole.options);
        const category = current.categories.find((c) => c.key === given.category);
        const { error } = await db.rpc("ticket_category_update", {
          p_key: given.category,
          p_changes: { staffRoleIds: toggle(category?.staffRoleIds ?? [], given.role) },
        });
        if (error) return ephemeral(t("setup.failed"));
        const { data, error: readError } = await db.rpc("server_settings_view");
        if (readError) return ephemeral(t("setup.failed"));
        const fresh = v.parse(ServerSettingsSchema, data);
        rememberServerSettings(fresh);
        return ephemeral(`${t("setup.saved")}\n\n${settingsText(t, locale, fresh)}`);
      }
      default:
        return ephemeral(t("error.unknown_command"));
    }
    const { data, error } = await db.rpc("server_settings_update", { p_changes: changes });
    if (error) {
      console.error("setup: saving settings failed", error);
      return ephemeral(t("setup.failed"));
    }
    const fresh = v.parse(ServerSettingsSchema, data);
    rememberServerSettings(fresh);
    return ephemeral(`${t("setup.saved")}\n\n${settingsText(t, locale, fresh)}`);
  },
};
