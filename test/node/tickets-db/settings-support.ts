/**
 * Shared by the server-settings tests: a server's settings as Maxis creates them (from the
 * environment's defaults), and their audit trail.
 */

import { mustCall, superuser } from "./db";

export interface Settings {
  guildId: string;
  staffRoleIds: string[];
  staffChannelId: string | null;
  openTicketLimit: number;
  dmNotifications: boolean;
  defaultLocale: string;
  categories: {
    key: string;
    labelEn: string;
    labelFr: string;
    emoji: string;
    staffRoleIds: string[];
    enabled: boolean;
  }[];
}

export const ensure = (guildId: string, defaults: Record<string, unknown> = {}) =>
  mustCall<Settings>("service_role", "server_settings_ensure", { p_guild_id: guildId, p_defaults: defaults });

export async function settingsAudit(guildId: string) {
  const { rows } = await superuser.query(
    "select action, category_key, actor_id, actor_role, before, after from public.server_settings_audit where guild_id = $1 order by id",
    [guildId],
  );
  return rows;
}

/** The audit rows of changes to a server's settings (not to its categories), oldest first. */
export async function settingsChanges(guildId: string) {
  const { rows } = await superuser.query(
    "select action, actor_id, before, after from public.server_settings_audit where guild_id = $1 and action = 'settings_changed' order by id",
    [guildId],
  );
  return rows;
}
