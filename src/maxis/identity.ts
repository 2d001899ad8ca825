import type { APIInteraction } from "discord-api-types/v10";
import { resolveLocale } from "../shared/i18n";
import { appRoleOf } from "./auth/app-role";
import { serverSettings } from "./servers/settings-store";
import type { SupabaseIdentity } from "./supabase/client";

/**
 * The identity Maxis vouches for in the JWT, derived from the verified interaction and the server's
 * staff roles: who acts, as what, in which server, holding which roles.
 */
export function identityOf(interaction: APIInteraction, staffRoleIds: readonly string[]): SupabaseIdentity {
  const userId = interaction.member?.user.id ?? interaction.user?.id;
  if (!userId) throw new Error("Interaction without a user");
  return {
    userId,
    appRole: appRoleOf(interaction.member, staffRoleIds),
    guildId: interaction.guild_id ?? null,
    roleIds: interaction.member?.roles ?? [],
  };
}

/** The server's staff roles for this interaction (none outside a server). */
export async function staffRolesFor(env: MaxisEnv, interaction: APIInteraction): Promise<readonly string[]> {
  if (!interaction.guild_id) return [];
  const settings = await serverSettings(
    env,
    interaction.guild_id,
    resolveLocale(interaction.guild_locale ?? undefined),
  );
  return settings.staffRoleIds;
}

/** identityOf, with the staff roles read from the interaction's server settings. */
export async function actingIdentity(env: MaxisEnv, interaction: APIInteraction): Promise<SupabaseIdentity> {
  return identityOf(interaction, await staffRolesFor(env, interaction));
}
