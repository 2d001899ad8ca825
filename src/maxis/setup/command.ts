/**
 * `/setup` (admins): `/setup show` answers privately with the server's settings and Discord's own
 * menus to change them (components.ts handles the presses); `/setup category-role` gives a
 * ticket category its own staff roles (one role at a time: added if it was not there, else removed,
 * and the answer says which). Every change goes through the database's admin-only functions
 * (server_settings_update, ticket_category_update), which audit it; this isolate's cached settings
 * are replaced by what the database answered.
 */
import { PermissionFlagsBits } from "discord-api-types/payloads/v10";
import { parseSettings } from "../../shared/contracts/settings";
import {
  focusedOption,
  guildCommand,
  option,
  readOptions,
  subcommand,
} from "../../shared/discord/command-definition";
import type { SlashCommand } from "../../shared/discord/handlers";
import { CommandOptions } from "../../shared/discord/options";
import { autocompleteChoices, ephemeral } from "../../shared/discord/responses";
import { inertText } from "../../shared/markdown";
import { isSettingsErrorCode } from "../api/settings";
import { membersIntentEnabled } from "../servers/members-intent";
import { categoryLabel } from "../servers/settings";
import { rememberServerSettings, serverSettings } from "../servers/settings-store";
import { setupMessage } from "../servers/setup-view";
import { supabaseAs } from "../supabase/client";
import { categoryChoices } from "../tickets/commands/category-option";
import { actingAdmin, refusalText } from "./actions";

const roleOption = option.role("role", "command.setup.option.role", { required: true });
/** Any category of the server, its own included, turned off or not: suggested as the admin types. */
const categoryOption = option.string("category", "command.setup.option.category", {
  required: true,
  autocomplete: true,
  max_length: 32,
});

const show = subcommand("show", "command.setup.show");
const categoryRole = subcommand("category-role", "command.setup.category_role", [categoryOption, roleOption]);

const toggle = (ids: readonly string[], id: string) =>
  ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id];

export const setupCommand: SlashCommand<MaxisEnv> = {
  data: guildCommand({
    name: "setup",
    description: "command.setup.description",
    defaultMemberPermissions: PermissionFlagsBits.ManageGuild,
    options: [show, categoryRole],
  }),

  async run(ctx) {
    const { interaction, env, t, locale } = ctx;
    const admin = await actingAdmin(env, interaction);
    if (!admin) return ephemeral(t("setup.admin_only"));
    const options = new CommandOptions(interaction.data);
    const current = await serverSettings(env, admin.guildId, locale);

    if (options.subcommand === "show") {
      return ephemeral(setupMessage(t, locale, current, { membersIntent: await membersIntentEnabled(env) }));
    }
    if (options.subcommand !== "category-role") return ephemeral(t("error.unknown_command"));

    const given = readOptions(options, categoryRole.options);
    const category = current.categories.find((c) => c.key === given.category);
    if (!category) return ephemeral(t("settings.error.invalid_category"));
    const before = category.staffRoleIds ?? [];
    const after = toggle(before, given.role);
    const db = await supabaseAs(env, admin);
    const { error } = await db.rpc("ticket_category_update", {
      p_key: category.key,
      p_changes: { staffRoleIds: after },
    });
    if (error) {
      if (!isSettingsErrorCode(error.message)) console.error("setup: category roles not saved", error);
      return ephemeral(refusalText(t, isSettingsErrorCode(error.message) ? error.message : null));
    }
    const { data, error: readError } = await db.rpc("server_settings_view");
    if (readError) return ephemeral(t("setup.failed"));
    const fresh = parseSettings(data);
    rememberServerSettings(fresh);
    const membersIntent = await membersIntentEnabled(env);
    const said = { role: given.role, category: inertText(categoryLabel(category, locale), 45) };
    const status = t(
      after.length > before.length
        ? "setup.category_role.added"
        : after.length > 0
          ? "setup.category_role.removed"
          : "setup.category_role.removed_last",
      said,
    );
    return ephemeral(setupMessage(t, locale, fresh, { status, membersIntent }));
  },

  async autocomplete(ctx) {
    const admin = await actingAdmin(ctx.env, ctx.interaction);
    if (!admin) return autocompleteChoices([]);
    const options = new CommandOptions(ctx.interaction.data);
    const typed = focusedOption(options, [categoryOption])?.value ?? "";
    const current = await serverSettings(ctx.env, admin.guildId, ctx.locale);
    return autocompleteChoices(categoryChoices(current.categories, typed, ctx.locale));
  },
};
