/**
 * A server's member list as the bot reads it, for the dashboard's assignee list: `GET
 * /guilds/{guild}/members?limit&after` (by user id, at most 1000 a page, as Discord pages it) and
 * `GET /guilds/{guild}/members/search?query&limit` (username, global name or nickname starting with
 * the query). The members are the seeded people of the servers they are in, everyone a test declared
 * with `POST /__local/members` (optionally with a `name`), and Maxis itself (a bot).
 * Null for any other request.
 */
import type { Context } from "hono";
import { LOCAL_BOT_USER } from "./ids";
import type { createLocalOAuth } from "./oauth";
import { LOCAL_BOT_ROLE_ID } from "./permissions";
import { SEEDED_USERS } from "./seeded-users";

interface ListedMember {
  user: { id: string; username: string; global_name: string | null; avatar: null; bot?: boolean };
  nick: string | null;
  roles: string[];
}

const MAX_PAGE = 1000;

export function createMemberList(
  oauth: ReturnType<typeof createLocalOAuth>,
  grantedRoles: ReadonlyMap<string, ReadonlySet<string>>,
) {
  const names = new Map<string, string>();

  function membersOf(guildId: string): ListedMember[] {
    const members = new Map<string, ListedMember>();
    if (oauth.knownGuilds().has(guildId)) {
      for (const { id } of SEEDED_USERS) {
        const read = oauth.userRoute("GET", `/guilds/${guildId}/members/${id}`, "Bot local");
        if (read?.status === 200) members.set(id, read.body as ListedMember);
      }
    }
    for (const [key, roles] of grantedRoles) {
      const [guild, id = ""] = key.split(":");
      if (guild !== guildId || members.has(id)) continue;
      members.set(id, {
        user: { id, username: `member-${id.slice(-4)}`, global_name: names.get(key) ?? null, avatar: null },
        nick: null,
        roles: [...roles],
      });
    }
    members.set(LOCAL_BOT_USER.id, {
      user: { ...LOCAL_BOT_USER, global_name: null, avatar: null, bot: true },
      nick: null,
      roles: [LOCAL_BOT_ROLE_ID],
    });
    return [...members.values()].sort((a, b) => (BigInt(a.user.id) < BigInt(b.user.id) ? -1 : 1));
  }

  const limitOf = (c: Context) => Math.min(Math.max(Number(c.req.query("limit") ?? 1) || 1, 1), MAX_PAGE);

  return {
    /** The display name `POST /__local/members` gave someone in one server. */
    name(guildId: string, userId: string): string | undefined {
      return names.get(`${guildId}:${userId}`);
    },
    setName(guildId: string, userId: string, name: string): void {
      names.set(`${guildId}:${userId}`, name);
    },

    route(c: Context, method: string, path: string, authorization: string | null): Response | null {
      if (method !== "GET") return null;
      const list = path.match(/^\/guilds\/(\d+)\/members$/);
      const search = path.match(/^\/guilds\/(\d+)\/members\/search$/);
      if (!list && !search) return null;
      if (!authorization?.startsWith("Bot ")) return c.json({ message: "401: Unauthorized", code: 0 }, 401);
      const members = membersOf((list ?? search)?.[1] ?? "");
      if (list) {
        const after = BigInt(
          /^\d{1,20}$/.test(c.req.query("after") ?? "") ? (c.req.query("after") ?? "0") : "0",
        );
        return c.json(members.filter((m) => BigInt(m.user.id) > after).slice(0, limitOf(c)));
      }
      const query = (c.req.query("query") ?? "").toLowerCase();
      if (!query) return c.json({ message: "Invalid Form Body", code: 50035 }, 400);
      const matches = members.filter((m) =>
        [m.user.username, m.user.global_name, m.nick].some((n) => n?.toLowerCase().startsWith(query)),
      );
      return c.json(matches.slice(0, limitOf(c)));
    },
  };
}
