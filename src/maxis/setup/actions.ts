/**
 * What every `/setup` entry point shares: who may change settings (the server's admins, decided from
 * the member's permissions in the signed interaction, on the command and again on every menu, button
 * and form), and saving through the audited admin-only database function (whether Maxis can work in
 * a chosen channel: servers/channel-problem.ts).
 */
import type { APIInteraction } from "discord-api-types/v10";
import { parseSettings, type ServerSettings } from "../../shared/contracts/settings";
import type { Translator } from "../../shared/i18n";
import { err, ok, type Result } from "../../shared/result";
import { isSettingsErrorCode, type SettingsErrorCode } from "../api/settings";
import { actingIdentity } from "../identity";
import { rememberServerSettings } from "../servers/settings-store";
import { type SupabaseIdentity, supabaseAs } from "../supabase/client";

export type AdminIdentity = SupabaseIdentity & { guildId: string };

/** The acting admin, or null for anyone else (and outside a server). */
export async function actingAdmin(env: MaxisEnv, interaction: APIInteraction): Promise<AdminIdentity | null> {
  if (!interaction.guild_id) return null;
  const identity = await actingIdentity(env, interaction);
  return identity.appRole === "admin" && identity.guildId ? { ...identity, guildId: identity.guildId } : null;
}

/**
 * The settings after the change; or why the database refused it (one of its settings codes, which the
 * catalogue explains under `settings.error.<code>`), or null for a failure with nothing to tell (logged).
 */
export async function saveSettings(
  env: MaxisEnv,
  admin: AdminIdentity,
  changes: Record<string, unknown>,
): Promise<Result<ServerSettings, SettingsErrorCode | null>> {
  const db = await supabaseAs(env, admin);
  const { data, error } = await db.rpc("server_settings_update", { p_changes: changes });
  if (error) {
    if (isSettingsErrorCode(error.message)) return err(error.message);
    console.error("setup: saving settings failed", error);
    return err(null);
  }
  const fresh = parseSettings(data);
  rememberServerSettings(fresh);
  return ok(fresh);
}

/** What to tell the admin when a change was refused. */
export const refusalText = (t: Translator, code: SettingsErrorCode | null) =>
  code ? t(`settings.error.${code}`) : t("setup.failed");
