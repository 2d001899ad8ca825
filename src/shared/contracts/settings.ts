/**
 * A Discord server's settings as Postgres keeps them (public.server_settings and its
 * ticket_categories, supabase/migrations/20261201010000_server_settings.sql), as Maxis parses them
 * and the dashboard (`/api/v1/settings`) reads and changes them.
 */
import * as v from "valibot";
import { CATEGORY_KEY_PATTERN } from "./tickets";

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

/** What PATCH /api/v1/settings takes: only the fields that change. */
export type SettingsChanges = Partial<
  Pick<
    ServerSettings,
    | "staffRoleIds"
    | "supportChannelId"
    | "staffChannelId"
    | "openTicketLimit"
    | "dmNotifications"
    | "defaultLocale"
    | "panelTitle"
    | "panelText"
  >
>;

/** What PATCH /api/v1/settings/categories/:key takes. */
export type CategoryChanges = Partial<
  Pick<
    TicketCategory,
    "labelEn" | "labelFr" | "emoji" | "staffRoleIds" | "questions" | "enabled" | "position"
  >
>;
