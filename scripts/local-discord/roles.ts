/**
 * The servers' roles as the bot reads them (GET /guilds/{guild}/roles): the local server's staff role
 * and the seeded plans' roles (supabase/seed.sql), @everyone (whose id is the server's) and a role
 * Discord manages (the bot's own). Any other server has @everyone and what tests add with
 * `POST /__local/guilds/{guild}/roles` ({"id","name"}).
 */
import type { APIRole } from "discord-api-types/v10";
import { LOCAL_GUILD_ID, LOCAL_STAFF_ROLE_ID } from "../lib/local-identities";

const role = (
  id: string,
  name: string,
  position: number,
  extra: Pick<Partial<APIRole>, "color" | "managed" | "tags"> = {},
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

const LOCAL_ROLES: readonly APIRole[] = [
  role(LOCAL_GUILD_ID, "@everyone", 0),
  role(LOCAL_STAFF_ROLE_ID, "Support", 6, { color: 0x3ba55c }),
  role(LOCAL_BILLING_ROLE_ID, "Billing", 1, { color: 0x10b981 }),
  role("1300000000000000071", "Basic", 1, { color: 0x99aab5 }),
  role("1300000000000000072", "Pro", 2, { color: 0x5865f2 }),
  role("1300000000000000073", "Premium", 3, { color: 0xfee75c }),
  role("1300000000000000074", "Lifetime", 4, { color: 0xeb459e }),
  role("1300000000000000075", "Supporter", 5),
  role("1300000000000000090", "Maxis", 7, { managed: true, tags: { bot_id: "1300000000000000001" } }),
];

export function createRoleDirectory() {
  const added = new Map<string, APIRole[]>();
  return {
    list(guildId: string): APIRole[] {
      const base =
        guildId === LOCAL_GUILD_ID
          ? LOCAL_ROLES
          : [
              role(guildId, "@everyone", 0),
              role(LOCAL_STAFF_ROLE_ID, "Support", 2, { color: 0x3ba55c }),
              role(LOCAL_BILLING_ROLE_ID, "Billing", 1, { color: 0x10b981 }),
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
