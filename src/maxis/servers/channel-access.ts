/**
 * Can Maxis post in a channel of a server? Its permissions there, from what Discord's REST API says
 * (the server's roles and owner, Maxis's own member, the channel's overwrites), through the
 * rate-limited bot client. Reads are kept a few seconds per isolate: /setup asks once per change,
 * and a burst of presses should not cost a burst of Discord calls.
 */

import { ChannelType } from "discord-api-types/payloads/v10";
import type { APIChannel, APIGuild, APIGuildMember, APIRole } from "discord-api-types/v10";
import { DiscordApiError, type DiscordRest } from "../../shared/discord/rest";
import {
  type ChannelPurpose,
  channelPermissions,
  missingPermissions,
  type PermissionName,
  type PermissionOverwrite,
} from "./channel-permissions";

export const ACCESS_TTL_MS = 5_000;

/** Why Maxis cannot work in a channel. */
export type ChannelProblem =
  /** Not a text channel of this server (or one Maxis cannot see at all). */
  { reason: "not_usable" } | { reason: "missing"; missing: PermissionName[] };

const reads = new Map<string, { value: Promise<unknown>; until: number }>();

function cachedGet<T>(rest: DiscordRest, path: string): Promise<T> {
  const hit = reads.get(path);
  if (hit && hit.until > Date.now()) return hit.value as Promise<T>;
  const value = rest.request<T>("GET", path);
  reads.set(path, { value, until: Date.now() + ACCESS_TTL_MS });
  value.catch(() => reads.delete(path));
  return value;
}

/** After Maxis changed something itself (none today), or in tests: forget what was read. */
export function forgetChannelAccess(): void {
  reads.clear();
}

/** A server's roles and their permissions (kept ACCESS_TTL_MS). */
export const guildRoles = (rest: DiscordRest, guildId: string) =>
  cachedGet<Pick<APIRole, "id" | "permissions">[]>(rest, `/guilds/${guildId}/roles`);

const TEXT_CHANNELS: ReadonlySet<number> = new Set([ChannelType.GuildText, ChannelType.GuildAnnouncement]);
const SUPPORT_CHANNELS: ReadonlySet<number> = new Set([ChannelType.GuildText]);

/** What stops Maxis from working in the channel for `purpose`, or null when nothing does. */
export async function channelAccessProblem(
  rest: DiscordRest,
  botUserId: string,
  guildId: string,
  channelId: string,
  purpose: ChannelPurpose,
): Promise<ChannelProblem | null> {
  let channel: APIChannel & { guild_id?: string; permission_overwrites?: PermissionOverwrite[] };
  try {
    channel = await cachedGet(rest, `/channels/${channelId}`);
  } catch (error) {
    if (error instanceof DiscordApiError && error.status < 500) return { reason: "not_usable" };
    throw error;
  }
  // Private threads exist only in text channels, not in announcement channels.
  const kinds = purpose === "support" ? SUPPORT_CHANNELS : TEXT_CHANNELS;
  if (channel.guild_id !== guildId || !kinds.has(channel.type)) return { reason: "not_usable" };
  const [guild, roles, me] = await Promise.all([
    cachedGet<Pick<APIGuild, "owner_id">>(rest, `/guilds/${guildId}`),
    guildRoles(rest, guildId),
    cachedGet<Pick<APIGuildMember, "roles">>(rest, `/guilds/${guildId}/members/${botUserId}`),
  ]);
  const permissions = channelPermissions({
    guildId,
    guildOwnerId: guild.owner_id ?? null,
    roles,
    memberId: botUserId,
    memberRoleIds: me.roles,
    overwrites: channel.permission_overwrites ?? [],
  });
  const missing = missingPermissions(purpose, permissions);
  return missing.length === 0 ? null : { reason: "missing", missing };
}
