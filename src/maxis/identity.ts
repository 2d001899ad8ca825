import type { APIInteraction } from "discord-api-types/v10";
import { appRoleOf } from "./auth/app-role";
import type { SupabaseIdentity } from "./supabase/client";

/** The identity Maxis vouches for in the JWT, derived from the verified interaction alone. */
export function identityOf(interaction: APIInteraction, staffRoleId: string): SupabaseIdentity {
  const userId = interaction.member?.user.id ?? interaction.user?.id;
  if (!userId) throw new Error("Interaction without a user");
  return {
    userId,
    appRole: appRoleOf(interaction.member, staffRoleId),
    guildId: interaction.guild_id ?? null,
  };
}
