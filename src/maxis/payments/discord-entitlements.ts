/**
 * Pure: Discord Premium Apps entitlements (in an interaction's `entitlements`, or the data of an
 * `ENTITLEMENT_CREATE|UPDATE|DELETE` webhook event) reduced to what the ledger records. A user
 * subscription carries no server; it then counts in the server it was seen from (the interaction's),
 * or for webhook events in the home server (DISCORD_GUILD_ID), and is skipped when neither is known.
 */
import type { APIEntitlement } from "discord-api-types/v10";

export interface DiscordEntitlementRecord {
  id: string;
  sku_id: string;
  user_id: string;
  guild_id: string;
  starts_at: string | null;
  ends_at: string | null;
  deleted: boolean;
}

const SNOWFLAKE = /^\d{17,20}$/;
const isTime = (value: unknown): value is string =>
  typeof value === "string" && value.length <= 40 && !Number.isNaN(Date.parse(value));

export function entitlementRecord(
  entitlement: unknown,
  fallbackGuildId: string | null | undefined,
  fallbackUserId?: string,
  forceDeleted = false,
): DiscordEntitlementRecord | null {
  if (typeof entitlement !== "object" || entitlement === null) return null;
  const e = entitlement as Partial<APIEntitlement>;
  const userId = e.user_id ?? fallbackUserId;
  const guildId = e.guild_id ?? fallbackGuildId;
  if (!SNOWFLAKE.test(e.id ?? "") || !SNOWFLAKE.test(e.sku_id ?? "")) return null;
  if (!userId || !SNOWFLAKE.test(userId) || !guildId || !SNOWFLAKE.test(guildId)) return null;
  return {
    id: e.id as string,
    sku_id: e.sku_id as string,
    user_id: userId,
    guild_id: guildId,
    starts_at: isTime(e.starts_at) ? e.starts_at : null,
    ends_at: isTime(e.ends_at) ? e.ends_at : null,
    deleted: forceDeleted || e.deleted === true,
  };
}

/** The entitlements a signed interaction carries, for the member who sent it. */
export function interactionEntitlements(interaction: {
  entitlements?: unknown;
  guild_id?: string;
  member?: { user: { id: string } };
  user?: { id: string };
}): DiscordEntitlementRecord[] {
  const list = Array.isArray(interaction.entitlements) ? interaction.entitlements.slice(0, 50) : [];
  const userId = interaction.member?.user.id ?? interaction.user?.id;
  return list
    .map((entitlement) => entitlementRecord(entitlement, interaction.guild_id, userId))
    .filter((record): record is DiscordEntitlementRecord => record !== null && record.user_id === userId);
}
