/** The seeded people of the local server, and how Discord's API shows them (user, guild member). */
import { createRequire } from "node:module";
import type { APIGuildMember, APIUser, GuildMemberFlags } from "discord-api-types/v10";
import { LOCAL_ADMIN_ROLE_ID, LOCAL_PEOPLE, LOCAL_STAFF_ROLE_ID } from "../lib/local-identities";

export interface SeededUser {
  id: string;
  username: string;
  globalName: string;
  locale: string;
  /** Role ids in the local guild. */
  roles: string[];
  permissions: bigint;
  /** Shown on the local sign-in page. */
  label: string;
}

/**
 * Loaded through Node's own `require`: test global setups run this file in every Vitest project, and
 * the Workers projects pre-bundle discord-api-types in a way that drops its CommonJS named exports.
 */
const { PermissionFlagsBits } = createRequire(import.meta.url)(
  "discord-api-types/v10",
) as typeof import("discord-api-types/v10");

const memberPermissions =
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.UseApplicationCommands;

/** The people of the local server, the same ids `npm run interact` and the seed use. */
export const SEEDED_USERS: readonly SeededUser[] = [
  {
    ...LOCAL_PEOPLE.staff,
    roles: [LOCAL_STAFF_ROLE_ID],
    permissions: memberPermissions,
    label: "staff (support role)",
  },
  {
    ...LOCAL_PEOPLE.admin,
    // Administrator through the Admin role (roles.ts), as Discord grants it.
    roles: [LOCAL_ADMIN_ROLE_ID],
    permissions: memberPermissions | PermissionFlagsBits.Administrator,
    label: "server administrator",
  },
  {
    ...LOCAL_PEOPLE.member,
    roles: [],
    permissions: memberPermissions,
    label: "member",
  },
  {
    ...LOCAL_PEOPLE.otherMember,
    roles: [],
    permissions: memberPermissions,
    label: "member",
  },
];

export function apiUser(user: SeededUser): APIUser & { locale: string } {
  return {
    id: user.id,
    username: user.username,
    global_name: user.globalName,
    discriminator: "0",
    avatar: null,
    locale: user.locale,
  };
}

export function guildMember(user: SeededUser, roles: string[] = user.roles): APIGuildMember {
  return {
    user: apiUser(user),
    nick: null,
    roles,
    joined_at: "2026-01-01T00:00:00.000Z",
    deaf: false,
    mute: false,
    flags: 0 as GuildMemberFlags,
  };
}
