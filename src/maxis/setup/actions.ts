/**
 * What every `/setup` entry point shares: who may change settings (the server's admins, decided from
 * the member's permissions in the signed interaction, on the command and again on every menu, button
 * and form), and saving through the audited admin-only database function (whether Maxis can work in
 * a chosen channel: servers/channel-problem.ts).
 */
import type { APIInteraction } from "discord-api-types/v10";
import { parseSettings, type ServerSettings } from "../../shared/contracts/settings";
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

/** The settings after the change, or null when the database refused it (logged). */
export async function saveSettings(
  env: MaxisEnv,
  admin: AdminIdentity,
  changes: Record<string, unknown>,
): Promise<ServerSettings | null> {
  const db = await supabaseAs(env, admin);
  const { data, error } = await db.rpc("server_settings_update", { p_changes: changes });
  if (error) {
    console.error("setup: saving settings failed", error);
    return null;
  }
  const fresh = parseSettings(data);
  rememberServerSettings(fresh);
  return fresh;
}
