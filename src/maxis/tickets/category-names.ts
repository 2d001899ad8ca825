import type { Locale } from "../../shared/i18n";
import { type SettingsEnv, serverSettings } from "../servers/settings-store";
import { type CategoryName, categoryNamer } from "./render/labels";
import type { CategoryAudience } from "./render/staff-post";

/**
 * How a reader in `locale` names the ticket categories of a server, from its settings as the
 * settings store keeps them: on an interaction, deciding who acts has already read them (no database
 * call); elsewhere at most one read per server per SETTINGS_TTL_MS and isolate.
 */
export async function categoryNamesOf(
  env: SettingsEnv,
  guildId: string,
  locale: Locale,
): Promise<CategoryName> {
  return categoryNamer(locale, (await serverSettings(env, guildId)).categories);
}

/** The roles each ticket category of a server is kept to, from its settings (cached as above). */
export async function categoryAudienceOf(env: SettingsEnv, guildId: string): Promise<CategoryAudience> {
  return audienceOf((await serverSettings(env, guildId)).categories);
}

export const audienceOf =
  (categories: readonly { key: string; staffRoleIds?: readonly string[] | undefined }[]): CategoryAudience =>
  (key) =>
    categories.find((category) => category.key === key)?.staffRoleIds ?? [];
