/**
 * GET /api/v1/people?ids=<id>,<id>,…: the names and avatars of the Discord users the dashboard shows
 * (ticket owners, assignees, agents), as they appear in the session's server. Looked up with the bot
 * token (`GET /guilds/{guild}/members/{user}`) and kept in the Workers cache for an hour, so a page of
 * tickets costs Discord a few calls at most, and none while the names are cached.
 */
import type { APIGuildMember } from "discord-api-types/v10";
import { Hono } from "hono";
import * as v from "valibot";
import { DiscordApiError, DiscordRest } from "../../shared/discord/rest";
import { avatarUrl, displayName } from "../dashboard-auth/staff";
import type { ApiEnv } from "./context";
import { check } from "./validate";

/** One dashboard page never shows more distinct people than this. */
export const MAX_PEOPLE_PER_REQUEST = 50;
const FOUND_TTL_SECONDS = 3600;
const MISSING_TTL_SECONDS = 600;
/** Lookups in flight at once, to stay well inside Discord's per-route rate limit. */
const CONCURRENCY = 5;

export interface Person {
  id: string;
  /** Server nickname, else global name, else username; null when the user is not in the server. */
  name: string | null;
  avatarUrl: string | null;
}

const peopleQuery = v.strictObject({
  ids: v.pipe(
    v.string(),
    v.regex(/^[0-9]{1,20}(,[0-9]{1,20})*$/),
    v.transform((list) => [...new Set(list.split(","))]),
    v.maxLength(MAX_PEOPLE_PER_REQUEST),
  ),
});

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
    if (!gone) console.warn("api: member lookup failed", { userId, error: String(error) });
    return { person: { id: userId, name: null, avatarUrl: null }, ttl: gone ? MISSING_TTL_SECONDS : null };
  }
}

export const peopleRoutes = new Hono<ApiEnv>();

peopleRoutes.get("/people", async (c) => {
  const query = check(c, peopleQuery, c.req.query());
  if (!query.ok) return query.response;
  const guildId = c.var.session.guild_id;
  const rest = new DiscordRest({
    baseUrl: c.env.DISCORD_API_BASE,
    botToken: c.env.DISCORD_BOT_TOKEN,
    // A name is not worth a long wait: the dashboard shows the id meanwhile.
    maxAttempts: 2,
    maxWaitMs: 2_000,
  });
  const ids = query.value.ids;
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
      if (ttl !== null) c.executionCtx.waitUntil(remember(guildId, person, ttl));
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, ids.length) }, worker));
  return c.json({ people });
});
