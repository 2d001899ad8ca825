/**
 * Names and avatars of Discord users as they appear in one server, for whatever Maxis shows people:
 * the dashboard (GET /api/v1/people) and the ticket transcript. Looked up with the bot token
 * (`GET /guilds/{guild}/members/{user}`) and kept in the Workers cache for an hour, so a page of
 * tickets costs Discord a few calls at most, and none while the names are cached.
 */
import type { APIGuildMember } from "discord-api-types/v10";
import type { Person } from "../../shared/contracts/people";
import { DiscordApiError, DiscordRest } from "../../shared/discord/rest";
import { avatarUrl, displayName } from "../dashboard-auth/staff";

export type { Person } from "../../shared/contracts/people";

const FOUND_TTL_SECONDS = 3600;
const MISSING_TTL_SECONDS = 600;
/** Lookups in flight at once, to stay well inside Discord's per-route rate limit. */
const CONCURRENCY = 5;

const cacheKey = (guildId: string, userId: string) =>
  new Request(`https://people.maxis.invalid/${guildId}/${userId}`);

async function cached(guildId: string, userId: string): Promise<Person | undefined> {
  const hit = await caches.default.match(cacheKey(guildId, userId));
  return hit ? ((await hit.json()) as Person) : undefined;
}

function remember(guildId: string, person: Person, ttlSeconds: number): Promise<void> {
  return caches.default.put(
    cacheKey(guildId, person.id),
    new Response(JSON.stringify(person), {
      headers: { "Content-Type": "application/json", "Cache-Control": `max-age=${ttlSeconds}` },
    }),
  );
}

/**
 * Looks `userId` up in the server. A user who left is a person without a name (cached too); a Discord
 * failure (rate limit, outage) is the same for this answer, but is not cached.
 */
async function lookUp(
  rest: DiscordRest,
  guildId: string,
  userId: string,
): Promise<{ person: Person; ttl: number | null }> {
  try {
    const member = await rest.request<APIGuildMember>("GET", `/guilds/${guildId}/members/${userId}`);
    const user = member.user;
    return {
      person: { id: userId, name: displayName(user, member), avatarUrl: avatarUrl(user) },
      ttl: FOUND_TTL_SECONDS,
    };
  } catch (error) {
    const gone = error instanceof DiscordApiError && error.status === 404;
    if (!gone) console.warn("people: member lookup failed", { userId, error: String(error) });
    return { person: { id: userId, name: null, avatarUrl: null }, ttl: gone ? MISSING_TTL_SECONDS : null };
  }
}

export interface PeopleLookup {
  env: Pick<MaxisEnv, "DISCORD_API_BASE" | "DISCORD_BOT_TOKEN">;
  guildId: string;
  /** Distinct ids, in the order the answer should keep. */
  ids: readonly string[];
  waitUntil(promise: Promise<unknown>): void;
}

/** One person per id, in order; names not worth a long wait, so Discord gets two tries within 2 s. */
export async function lookUpPeople({ env, guildId, ids, waitUntil }: PeopleLookup): Promise<Person[]> {
  const rest = new DiscordRest({
    baseUrl: env.DISCORD_API_BASE,
    botToken: env.DISCORD_BOT_TOKEN,
    maxAttempts: 2,
    maxWaitMs: 2_000,
  });
  const people: Person[] = new Array(ids.length);
  let next = 0;
  const worker = async () => {
    while (next < ids.length) {
      const index = next++;
      const id = ids[index] ?? "";
      const hit = await cached(guildId, id);
      if (hit) {
        people[index] = hit;
        continue;
      }
      const { person, ttl } = await lookUp(rest, guildId, id);
      people[index] = person;
      if (ttl !== null) waitUntil(remember(guildId, person, ttl));
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, ids.length) }, worker));
  return people;
}
