/**
 * What a brand-new server starts with, a category's label in the reader's language and the categories
 * a server offers; the settings' shape itself is a contract shared with the dashboard
 * (src/shared/contracts/settings.ts). Pure: no I/O here.
 */
import type { ServerSettings, TicketCategory } from "../../shared/contracts/settings";
import type { Locale } from "../../shared/i18n";

/** What server_settings_ensure takes for a server Maxis has never served. */
export interface NewServerDefaults {
  staffRoleIds: string[];
  staffChannelId: string | null;
  supportChannelId: string | null;
  defaultLocale: Locale;
}

/** The environment values a new server starts from (structural, so the dashboard can import this file's types). */
export type DefaultsEnv = {
  STAFF_ROLE_ID: string;
  TICKET_STAFF_CHANNEL_ID: string;
  DISCORD_GUILD_ID: string;
  DISCORD_SUPPORT_CHANNEL_ID: string;
};

/**
 * What a brand-new server starts with: the environment's staff role (role ids are unique to their
 * server, so on any other server it matches nobody), and the environment's staff channel only for the
 * server it belongs to (DISCORD_GUILD_ID): another server's tickets are never posted there. The same
 * goes for the environment's support channel (DISCORD_SUPPORT_CHANNEL_ID, where threads are opened).
 */
export function newServerDefaults(env: DefaultsEnv, guildId: string, locale: Locale): NewServerDefaults {
  const staffRole = env.STAFF_ROLE_ID?.trim();
  const home = (value: string | undefined) => {
    const id = value?.trim();
    return id && /^[0-9]{1,20}$/.test(id) && env.DISCORD_GUILD_ID === guildId ? id : null;
  };
  return {
    staffRoleIds: staffRole && /^[0-9]{1,20}$/.test(staffRole) ? [staffRole] : [],
    staffChannelId: home(env.TICKET_STAFF_CHANNEL_ID),
    supportChannelId: home(env.DISCORD_SUPPORT_CHANNEL_ID),
    defaultLocale: locale,
  };
}

/** A category's label in the reader's language. */
export const categoryLabel = (category: Pick<TicketCategory, "labelEn" | "labelFr">, locale: Locale) =>
  locale === "fr" ? category.labelFr : category.labelEn;

/** The categories a server offers members now (its panel's buttons, `/ticket create`'s choices). */
export function enabledCategories(settings: Pick<ServerSettings, "categories">): TicketCategory[] {
  return settings.categories.filter((category) => category.enabled);
}
