/**
 * What the stand-in says about permissions, so Maxis can check it may post in a channel: each
 * server's roles (GET /guilds/:id/roles), Maxis's own member
 * (GET /guilds/:id/members/<bot id>) and each channel's permission overwrites (GET /channels/:id).
 * By default Maxis holds a role with everything it needs everywhere, so nothing changes for tests
 * that do not care; `POST /__local/permissions` changes one server or channel.
 */
import type { Context } from "hono";
import { LOCAL_BOT_USER } from "./ids";

/** Maxis's role on every server of the stand-in. */
export const LOCAL_BOT_ROLE_ID = "1300000000000000002";
/** The owner of every server of the stand-in: nobody the tests act as. */
export const LOCAL_OWNER_ID = "1300000000000000999";

// Discord's permission bits (docs/topics/permissions), written out: the stand-in runs in Vitest's
// global setup, where discord-api-types' CommonJS enums do not load.
const P = {
  ManageRoles: 1n << 28n,
  ManageWebhooks: 1n << 29n,
  ViewChannel: 1n << 10n,
  SendMessages: 1n << 11n,
  EmbedLinks: 1n << 14n,
  AttachFiles: 1n << 15n,
  ReadMessageHistory: 1n << 16n,
  ManageThreads: 1n << 34n,
  CreatePrivateThreads: 1n << 36n,
  SendMessagesInThreads: 1n << 38n,
} as const;

export const EVERYONE_PERMISSIONS =
  P.ViewChannel | P.SendMessages | P.ReadMessageHistory | P.SendMessagesInThreads;
export const BOT_ROLE_PERMISSIONS =
  P.EmbedLinks | P.AttachFiles | P.CreatePrivateThreads | P.ManageThreads | P.ManageWebhooks | P.ManageRoles;

export interface LocalRole {
  id: string;
  name: string;
  permissions: string;
  position: number;
}

export interface LocalOverwrite {
  id: string;
  type: 0 | 1;
  allow: string;
  deny: string;
}

/** What a test may set: a server's roles and Maxis's roles there, or a channel's overwrites. */
export interface PermissionChange {
  guild_id?: string;
  roles?: LocalRole[];
  bot_roles?: string[];
  channel_id?: string;
  overwrites?: LocalOverwrite[];
}

/** `defaultRoles`: a server's roles until a test sets them (the stand-in's role directory, roles.ts). */
export function createLocalPermissions(defaultRoles: (guildId: string) => readonly LocalRole[]) {
  const roles = new Map<string, LocalRole[]>();
  const botRoles = new Map<string, string[]>();
  const overwrites = new Map<string, LocalOverwrite[]>();

  const rolesOf = (guildId: string): readonly LocalRole[] => roles.get(guildId) ?? defaultRoles(guildId);

  const isId = (value: unknown): value is string => typeof value === "string" && /^\d{17,20}$/.test(value);

  return {
    /** Applies a change from `POST /__local/permissions`; false when it is malformed. */
    change(input: PermissionChange): boolean {
      if (input.channel_id !== undefined) {
        if (!isId(input.channel_id) || !Array.isArray(input.overwrites)) return false;
        overwrites.set(input.channel_id, input.overwrites);
        return true;
      }
      if (!isId(input.guild_id)) return false;
      if (input.roles !== undefined) {
        if (!Array.isArray(input.roles) || !input.roles.every((r) => isId(r.id))) return false;
        roles.set(input.guild_id, input.roles);
      }
      if (input.bot_roles !== undefined) {
        if (!Array.isArray(input.bot_roles) || !input.bot_roles.every(isId)) return false;
        botRoles.set(input.guild_id, input.bot_roles);
      }
      return true;
    },

    overwritesOf: (channelId: string): LocalOverwrite[] => overwrites.get(channelId) ?? [],

    /** The bot-token reads above, or null for any other request. */
    route(c: Context, method: string, path: string): Response | null {
      if (method !== "GET") return null;
      let match = path.match(/^\/guilds\/(\d+)\/roles$/);
      if (match?.[1]) return c.json(rolesOf(match[1]));
      match = path.match(/^\/guilds\/(\d+)\/members\/(\d+)$/);
      if (match?.[1] && match[2] === LOCAL_BOT_USER.id) {
        return c.json({
          user: { ...LOCAL_BOT_USER, bot: true },
          roles: botRoles.get(match[1]) ?? [LOCAL_BOT_ROLE_ID],
          nick: null,
          joined_at: "2026-01-01T00:00:00.000Z",
        });
      }
      return null;
    },
  };
}

export type LocalPermissions = ReturnType<typeof createLocalPermissions>;
