/**
 * The Server Members privileged intent as the stand-in plays it. On by default: `GET
 * /applications/@me` answers flags with GATEWAY_GUILD_MEMBERS_LIMITED (1 << 15), as for an unverified
 * bot whose owner turned the intent on, and the member list answers. `POST /__local/members-intent`
 * turns it off or on again: `{"enabled": false}` changes the application's flags;
 * `{"enabled": false, "guild_id": "…"}` makes that server's member list and member search answer 403
 * Missing Access, as Discord does without the intent. The second is scoped to one server so that tests
 * running side by side keep their member lists.
 */
import type { Context } from "hono";
import { LOCAL_APPLICATION_ID } from "../lib/local-identities";

export const GATEWAY_GUILD_MEMBERS_LIMITED = 1 << 15;
/** GATEWAY_MESSAGE_CONTENT_LIMITED: the other intent the local bot has (it reads ticket threads). */
const GATEWAY_MESSAGE_CONTENT_LIMITED = 1 << 19;

export function createMembersIntent() {
  let enabled = true;
  const refusedGuilds = new Set<string>();

  return {
    /** `POST /__local/members-intent`; false when the body is malformed. */
    change(input: { enabled?: unknown; guild_id?: unknown }): boolean {
      if (typeof input.enabled !== "boolean") return false;
      if (input.guild_id === undefined) {
        enabled = input.enabled;
        return true;
      }
      if (typeof input.guild_id !== "string" || !/^\d{17,20}$/.test(input.guild_id)) return false;
      if (input.enabled) refusedGuilds.delete(input.guild_id);
      else refusedGuilds.add(input.guild_id);
      return true;
    },

    /** The application, and refused member lists; null for any other request. */
    route(c: Context, method: string, path: string): Response | null {
      if (method !== "GET") return null;
      if (path === "/applications/@me") {
        const flags = GATEWAY_MESSAGE_CONTENT_LIMITED | (enabled ? GATEWAY_GUILD_MEMBERS_LIMITED : 0);
        return c.json({ id: LOCAL_APPLICATION_ID, name: "Maxis", flags, bot_public: false });
      }
      const list = path.match(/^\/guilds\/(\d+)\/members(?:\/search)?$/);
      if (list?.[1] && refusedGuilds.has(list[1])) {
        return c.json({ message: "Missing Access", code: 50001 }, 403);
      }
      return null;
    },
  };
}
