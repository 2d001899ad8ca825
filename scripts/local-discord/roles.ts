/**
 * The servers' roles as the bot reads them (GET /guilds/{guild}/roles): the local server's staff role,
 * its Admin role (Administrator, held by the seeded admin) and the seeded plans' roles
 * (supabase/seed.sql), @everyone (whose id is the server's) and a role Discord manages (the bot's
 * own, with the permissions its checks need). Any other server has @everyone, Support, Billing,
 * Maxis's role and what tests add with `POST /__local/guilds/{guild}/roles` ({"id","name"}).
 */
import type { APIRole } from "discord-api-types/v10";
import { LOCAL_ADMIN_ROLE_ID, LOCAL_GUILD_ID, LOCAL_STAFF_ROLE_ID } from "../lib/local-identities";
import { BOT_ROLE_PERMISSIONS, EVERYONE_PERMISSIONS, LOCAL_BOT_ROLE_ID } from "./permissions";

const role = (
  id: string,
  name: string,
  position: number,
  extra: Pick<Partial<APIRole>, "color" | "managed" | "tags" | "permissions"> = {},
): APIRole => ({
  id,
  name,
  position,
  color: extra.color ?? 0,
  colors: { primary_color: extra.color ?? 0, secondary_color: null, tertiary_color: null },
  hoist: false,
  icon: null,
  unicode_emoji: null,
  managed: false,
  mentionable: false,
  permissions: "0",
  flags: 0 as APIRole["flags"],
  ...extra,
});

/** A second role of every local server, for per-category staff on the Settings page. */
export const LOCAL_BILLING_ROLE_ID = "1300000000000000031";

const everyone = (guildId: string) =>
  role(guildId, "@everyone", 0, { permissions: EVERYONE_PERMISSIONS.toString() });
/** Maxis's own role, managed by Discord, with what its permission checks need. */
const maxisRole = (position: number) =>
  role(LOCAL_BOT_ROLE_ID, "Maxis", position, {
    managed: true,
    tags: { bot_id: "1300000000000000001" },
    permissions: BOT_ROLE_PERMISSIONS.toString(),
  });

const LOCAL_ROLES: readonly APIRole[] = [
  everyone(LOCAL_GUILD_ID),
  role(LOCAL_ADMIN_ROLE_ID, "Admin", 8, { color: 0xed4245, permissions: String(1n << 3n) }),
  role(LOCAL_STAFF_ROLE_ID, "Support", 6, { color: 0x3ba55c }),
  role(LOCAL_BILLING_ROLE_ID, "Billing", 1, { color: 0x10b981 }),
  role("1300000000000000071", "Basic", 1, { color: 0x99aab5 }),
  role("1300000000000000072", "Pro", 2, { color: 0x5865f2 }),
  role("1300000000000000073", "Premium", 3, { color: 0xfee75c }),
  role("1300000000000000074", "Lifetime", 4, { color: 0xeb459e }),
  role("1300000000000000075", "Supporter", 5),
  maxisRole(7),
];

export function createRoleDirectory() {
  const added = new Map<string, APIRole[]>();
  return {
    list(guildId: string): APIRole[] {
      const base =
        guildId === LOCAL_GUILD_ID
          ? LOCAL_ROLES
          : [
              everyone(guildId),
              role(LOCAL_STAFF_ROLE_ID, "Support", 2, { color: 0x3ba55c }),
              role(LOCAL_BILLING_ROLE_ID, "Billing", 1, { color: 0x10b981 }),
              maxisRole(3),
            ];
      return [...base, ...(added.get(guildId) ?? [])];
    },
    add(guildId: string, id: string, name: string): APIRole {
      const list = added.get(guildId) ?? [];
      const created = role(id, name, this.list(guildId).length);
      list.push(created);
      added.set(guildId, list);
      return created;
    },
  };
}
