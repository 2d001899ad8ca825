/**
 * Everyone in a server who may be given tickets (staff-role holders and admins), read from Discord's
 * REST API with the bot token and recorded in Postgres, where ticket_assign and ticket_assignee_pool
 * apply the per-category rule.
 *
 * Discord has no "members with role R" endpoint: the member list (GET /guilds/{id}/members, 1000 a
 * page, by user id; the Server Members intent) is walked and filtered. A server of up to
 * MAX_PAGES × 1000 members is read whole; a bigger one (50,000 members) is read for its first 10,000
 * by id and marked incomplete, and the picker's search then asks Discord's member search for the
 * typed name instead (GET /guilds/{id}/members/search, a prefix of username or nickname), so anyone
 * can still be found. Either answer is kept in the colo's Workers cache (Cache API) for
 * DIRECTORY_TTL_SECONDS: the same server's staff opening tickets one after another cost Discord
 * nothing more, a change of roles shows within minutes, and nothing needs a KV write or a Durable
 * Object round trip on the hot path. The cache key holds the set of staff roles, so a settings change
 * is a new key rather than a stale answer.
 */
import type { APIGuild, APIGuildMember, APIRole } from "discord-api-types/v10";
import type { DiscordRest } from "../../shared/discord/rest";
import { cachedRead, directoryRest } from "../servers/discord-directory";
import type { SupabaseBindings } from "../supabase/client";
import { recordMembers } from "./members";
import { adminRoleIds, type StaffFilter, type StaffMember, staffMembersOf } from "./staff-members";

export const DIRECTORY_TTL_SECONDS = 300;
export const SEARCH_TTL_SECONDS = 60;
/** Discord's largest page of the member list. */
export const MEMBERS_PAGE = 1000;
/** Pages read per refresh: 10 calls at most, well inside a Worker's subrequests and Discord's limits. */
export const MAX_PAGES = 10;
/** Members a search asks Discord for. */
const SEARCH_LIMIT = 100;

type DirectoryEnv = SupabaseBindings & Pick<MaxisEnv, "DISCORD_API_BASE" | "DISCORD_BOT_TOKEN">;
type WaitUntil = (promise: Promise<unknown>) => void;

export interface StaffDirectory {
  members: StaffMember[];
  /** False when the server has more members than one refresh reads: search to find the others. */
  complete: boolean;
}

async function rolesKey(staffRoleIds: readonly string[]): Promise<string> {
  const text = [...new Set(staffRoleIds)].sort().join(",");
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return [...new Uint8Array(digest).slice(0, 12)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

async function filterFor(rest: DiscordRest, guildId: string, staffRoleIds: readonly string[]) {
  const [guild, roles] = await Promise.all([
    rest.request<Pick<APIGuild, "owner_id">>("GET", `/guilds/${guildId}`),
    rest.request<Pick<APIRole, "id" | "permissions">[]>("GET", `/guilds/${guildId}/roles`),
  ]);
  return {
    staffRoleIds: new Set(staffRoleIds),
    adminRoleIds: adminRoleIds(roles),
    ownerId: guild.owner_id ?? null,
  } satisfies StaffFilter;
}

/** The server's staff-role holders and admins (`staffRoleIds`: the server's and every category's). */
export async function staffDirectory(
  env: DirectoryEnv,
  guildId: string,
  staffRoleIds: readonly string[],
  waitUntil: WaitUntil,
): Promise<StaffDirectory> {
  return cachedRead(
    `staff/${guildId}/${await rolesKey(staffRoleIds)}`,
    async () => {
      const rest = directoryRest(env);
      const filter = await filterFor(rest, guildId, staffRoleIds);
      const members: StaffMember[] = [];
      let after = "0";
      let complete = false;
      for (let page = 0; page < MAX_PAGES && !complete; page++) {
        const batch = await rest.request<APIGuildMember[]>(
          "GET",
          `/guilds/${guildId}/members?limit=${MEMBERS_PAGE}&after=${after}`,
        );
        members.push(...staffMembersOf(batch, filter));
        after = batch.at(-1)?.user?.id ?? after;
        complete = batch.length < MEMBERS_PAGE;
      }
      await recordMembers(env, guildId, members, complete);
      return { members, complete };
    },
    waitUntil,
    DIRECTORY_TTL_SECONDS,
  );
}

/** Staff-role holders and admins whose username or nickname starts with `query` (Discord's search). */
export async function searchStaff(
  env: DirectoryEnv,
  guildId: string,
  staffRoleIds: readonly string[],
  query: string,
  waitUntil: WaitUntil,
): Promise<StaffMember[]> {
  return cachedRead(
    `staff-search/${guildId}/${await rolesKey(staffRoleIds)}/${encodeURIComponent(query.toLowerCase())}`,
    async () => {
      const rest = directoryRest(env);
      const [filter, found] = await Promise.all([
        filterFor(rest, guildId, staffRoleIds),
        rest.request<APIGuildMember[]>(
          "GET",
          `/guilds/${guildId}/members/search?query=${encodeURIComponent(query)}&limit=${SEARCH_LIMIT}`,
        ),
      ]);
      const members = staffMembersOf(found, filter);
      await recordMembers(env, guildId, members);
      return members;
    },
    waitUntil,
    SEARCH_TTL_SECONDS,
  );
}
