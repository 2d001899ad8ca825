/**
 * Server members as Discord reports them (id, name, roles, whether they are admins), recorded in
 * Postgres so that staff can assign tickets to anyone holding a staff role or any admin, not only to
 * people who already handled one (public.server_members, written by Maxis's system identity only).
 */
import { PermissionFlagsBits } from "discord-api-types/payloads/v10";
import type { APIGuildMember, APIInteraction, APIUser } from "discord-api-types/v10";
import { DiscordApiError, type DiscordRest } from "../../shared/discord/rest";
import { cutAt } from "../../shared/markdown";
import { guildRoles } from "../servers/channel-access";
import type { SupabaseBindings } from "../supabase/client";
import { supabaseAsMaxis } from "../supabase/system-client";
import { adminRoleIds } from "./staff-members";

export interface KnownMember {
  id: string;
  name: string;
  roles: string[];
  /** Administrator or Manage Server (through their roles, or the interaction's computed permissions). */
  admin: boolean;
}

type ResolvedData = {
  resolved?: {
    users?: Record<string, Pick<APIUser, "id" | "username" | "global_name">>;
    members?: Record<string, Pick<APIGuildMember, "roles" | "nick"> & { permissions?: string }>;
  };
};

const ADMIN = PermissionFlagsBits.Administrator | PermissionFlagsBits.ManageGuild;

/** A user option's member as the signed interaction resolved it (Discord sends their roles), or null. */
export function resolvedMember(interaction: APIInteraction, userId: string): KnownMember | null {
  const data = (interaction as { data?: ResolvedData }).data;
  const member = data?.resolved?.members?.[userId];
  if (!member || !Array.isArray(member.roles)) return null;
  const user = data?.resolved?.users?.[userId];
  const permissions = /^\d{1,20}$/.test(member.permissions ?? "") ? BigInt(member.permissions ?? 0) : 0n;
  return {
    id: userId,
    name: member.nick || user?.global_name || user?.username || userId,
    roles: member.roles,
    admin: (permissions & ADMIN) !== 0n,
  };
}

/** How long a member read from Discord is trusted in this isolate before asking again. */
export const MEMBER_TTL_MS = 60_000;
const fetched = new Map<string, { member: Promise<KnownMember | null>; until: number }>();

/**
 * GET /guilds/{guild}/members/{user} with the bot token (kept MEMBER_TTL_MS per isolate, so assigning
 * several tickets to the same person asks Discord once); null when they are not in the server.
 */
export function fetchMember(rest: DiscordRest, guildId: string, userId: string): Promise<KnownMember | null> {
  const key = `${guildId}:${userId}`;
  const hit = fetched.get(key);
  if (hit && hit.until > Date.now()) return hit.member;
  const member = readMember(rest, guildId, userId);
  fetched.set(key, { member, until: Date.now() + MEMBER_TTL_MS });
  member.catch(() => fetched.delete(key));
  return member;
}

async function readMember(rest: DiscordRest, guildId: string, userId: string): Promise<KnownMember | null> {
  try {
    const [member, roles] = await Promise.all([
      rest.request<APIGuildMember>("GET", `/guilds/${guildId}/members/${userId}`),
      guildRoles(rest, guildId),
    ]);
    const user = member.user;
    const admins = adminRoleIds(roles);
    return {
      id: userId,
      name: member.nick || user?.global_name || user?.username || userId,
      roles: member.roles,
      admin: member.roles.some((role) => admins.has(role)),
    };
  } catch (error) {
    if (error instanceof DiscordApiError && error.status === 404) return null;
    throw error;
  }
}

/** server_members_sync takes at most this many members a call. */
const SYNC_BATCH = 1000;

/**
 * Records what Discord said about these members of the server. `complete`: they are everyone holding
 * a staff or category role, or admin (the whole member list was read), so anyone else recorded before
 * loses those roles; only honoured when one call carries them all.
 */
export async function recordMembers(
  env: SupabaseBindings,
  guildId: string,
  members: readonly KnownMember[],
  complete = false,
): Promise<void> {
  if (members.length === 0 && !complete) return;
  const client = await supabaseAsMaxis(env, "maxis:settings");
  const whole = complete && members.length <= SYNC_BATCH;
  for (let start = 0; start === 0 || start < members.length; start += SYNC_BATCH) {
    const { error } = await client.rpc("server_members_sync", {
      p_guild_id: guildId,
      p_members: members
        .slice(start, start + SYNC_BATCH)
        .map((m) => ({ id: m.id, name: cutAt(m.name, 100), roles: m.roles, admin: m.admin })),
      p_complete: whole,
    });
    if (error) throw new Error(`recording members of ${guildId}: ${error.message}`);
  }
}
