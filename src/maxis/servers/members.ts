/**
 * Server members as Discord reports them (id, name, roles), recorded in Postgres so that staff can
 * assign tickets to anyone holding a staff role, not only to people who already handled one
 * (public.server_members, written by Maxis's system identity only).
 */
import type { APIGuildMember, APIInteraction, APIUser } from "discord-api-types/v10";
import { DiscordApiError, type DiscordRest } from "../../shared/discord/rest";
import type { SupabaseBindings } from "../supabase/client";
import { supabaseAsMaxis } from "../supabase/system-client";

export interface KnownMember {
  id: string;
  name: string;
  roles: string[];
}

type ResolvedData = {
  resolved?: {
    users?: Record<string, Pick<APIUser, "id" | "username" | "global_name">>;
    members?: Record<string, Pick<APIGuildMember, "roles" | "nick">>;
  };
};

/** A user option's member as the signed interaction resolved it (Discord sends their roles), or null. */
export function resolvedMember(interaction: APIInteraction, userId: string): KnownMember | null {
  const data = (interaction as { data?: ResolvedData }).data;
  const member = data?.resolved?.members?.[userId];
  if (!member || !Array.isArray(member.roles)) return null;
  const user = data?.resolved?.users?.[userId];
  return {
    id: userId,
    name: member.nick || user?.global_name || user?.username || userId,
    roles: member.roles,
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
    const member = await rest.request<APIGuildMember>("GET", `/guilds/${guildId}/members/${userId}`);
    const user = member.user;
    return {
      id: userId,
      name: member.nick || user?.global_name || user?.username || userId,
      roles: member.roles,
    };
  } catch (error) {
    if (error instanceof DiscordApiError && error.status === 404) return null;
    throw error;
  }
}

/** Records what Discord said about these members of the server (at most 100 at a time). */
export async function recordMembers(
  env: SupabaseBindings,
  guildId: string,
  members: KnownMember[],
): Promise<void> {
  if (members.length === 0) return;
  const client = await supabaseAsMaxis(env, "maxis:settings");
  const { error } = await client.rpc("server_members_record", {
    p_guild_id: guildId,
    p_members: members.slice(0, 100).map((m) => ({ id: m.id, name: m.name.slice(0, 100), roles: m.roles })),
  });
  if (error) throw new Error(`recording members of ${guildId}: ${error.message}`);
}
