import type { Context } from "hono";
import type { createLocalOAuth } from "./oauth";

/**
 * A member's roles as the bot changes and reads them. Seeded people keep their usual roles plus what
 * was granted (and the OAuth2 reads agree); anyone else is a member with only the granted roles once
 * a role was granted to them.
 */
export function memberRoleRoute(
  c: Context,
  method: string,
  path: string,
  authorization: string | null,
  grantedRoles: Map<string, Set<string>>,
  oauth: ReturnType<typeof createLocalOAuth>,
  nameOf: (guildId: string, userId: string) => string | undefined,
): Response | null {
  const change = path.match(/^\/guilds\/(\d+)\/members\/(\d+)\/roles\/(\d+)$/);
  const read = path.match(/^\/guilds\/(\d+)\/members\/(\d+)$/);
  if (!(change && (method === "PUT" || method === "DELETE")) && !(read && method === "GET")) return null;
  if (!authorization?.startsWith("Bot ")) return c.json({ message: "401: Unauthorized", code: 0 }, 401);
  const [, guild = "", user = "", role = ""] = (change ?? read) as RegExpMatchArray;
  const key = `${guild}:${user}`;
  const seeded = oauth.userRoute("GET", `/guilds/${guild}/members/${user}`, authorization);
  const seededRoles = seeded?.status === 200 ? (seeded.body as { roles: string[] }).roles : null;
  if (read) {
    if (seededRoles) return null;
    const roles = grantedRoles.get(key);
    // Nobody the bot ever gave a role to: Discord's usual answer, as the OAuth2 stand-in gives it.
    if (!roles) return null;
    return c.json({
      user: { id: user, username: `member-${user.slice(-4)}`, global_name: nameOf(guild, user) ?? null },
      roles: [...roles],
      nick: null,
    });
  }
  const roles = grantedRoles.get(key) ?? new Set(seededRoles ?? []);
  if (method === "PUT") roles.add(role);
  else roles.delete(role);
  grantedRoles.set(key, roles);
  if (seededRoles) oauth.setRoles(guild, user, [...roles]);
  return c.body(null, 204);
}
