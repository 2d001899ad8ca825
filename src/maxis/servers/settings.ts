/**
 * A Discord server's settings as Postgres keeps them (public.server_settings and its
 * ticket_categories, supabase/migrations/20261201010000_server_settings.sql), and what a brand-new
 * server starts with. Pure: no I/O here.
 */
import * as v from "valibot";
import { CATEGORY_KEY_PATTERN } from "../../shared/contracts/tickets";
import type { Locale } from "../../shared/i18n";

const Snowflake = v.pipe(v.string(), v.regex(/^[0-9]{1,20}$/));
/** One of the six a server starts with, or one its admins added (CATEGORY_KEY_PATTERN). */
const Category = v.pipe(v.string(), v.regex(CATEGORY_KEY_PATTERN));
export type CategoryKey = v.InferOutput<typeof Category>;

const QuestionSchema = v.object({
  label: v.string(),
  placeholder: v.nullish(v.string()),
  style: v.picklist(["short", "paragraph"]),
  required: v.boolean(),
});
export type CategoryQuestion = v.InferOutput<typeof QuestionSchema>;

const CategorySchema = v.object({
  key: Category,
  position: v.number(),
  labelEn: v.string(),
  labelFr: v.string(),
  emoji: v.nullable(v.string()),
  questions: v.array(QuestionSchema),
  enabled: v.boolean(),
  /** Absent in what members get (ticket_category_choices). */
  staffRoleIds: v.optional(v.array(Snowflake)),
});
export type TicketCategory = v.InferOutput<typeof CategorySchema>;

export const ServerSettingsSchema = v.object({
  guildId: Snowflake,
  staffRoleIds: v.array(Snowflake),
  supportChannelId: v.nullable(Snowflake),
  staffChannelId: v.nullable(Snowflake),
  openTicketLimit: v.number(),
  dmNotifications: v.boolean(),
  defaultLocale: v.picklist(["en", "fr"]),
  panelTitle: v.nullable(v.string()),
  panelText: v.nullable(v.string()),
  panelChannelId: v.nullable(Snowflake),
  panelMessageId: v.nullable(Snowflake),
  categories: v.array(CategorySchema),
});
export type ServerSettings = v.InferOutput<typeof ServerSettingsSchema>;

/** Settings as a settings function answered them (a malformed answer throws: it is our bug). */
export const parseSettings = (data: unknown): ServerSettings => v.parse(ServerSettingsSchema, data);

export const CategoryChoicesSchema = v.object({
  panelTitle: v.nullable(v.string()),
  panelText: v.nullable(v.string()),
  openTicketLimit: v.number(),
  categories: v.array(CategorySchema),
});
export type CategoryChoices = v.InferOutput<typeof CategoryChoicesSchema>;

/** What server_settings_ensure takes for a server Maxis has never served. */
export interface NewServerDefaults {
  staffRoleIds: string[];
  staffChannelId: string | null;
  supportChannelId: string | null;
  defaultLocale: Locale;
}

/** The environment values a new server starts from (structural, so the dashboard can import this file's types). */
type DefaultsEnv = {
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
