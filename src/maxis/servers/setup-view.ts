/** What `/setup show` answers: a server's settings, as its admins read them. Pure. */
import type { Locale, Translator } from "../../shared/i18n";
import { categoryLabel, type ServerSettings } from "./settings";

const roles = (t: Translator, ids: readonly string[]) =>
  ids.length > 0 ? ids.map((id) => `<@&${id}>`).join(", ") : t("setup.none");

export function settingsText(t: Translator, locale: Locale, settings: ServerSettings): string {
  const lines = [
    `**${t("setup.title")}**`,
    t("setup.staff_roles", { roles: roles(t, settings.staffRoleIds) }),
    t("setup.staff_channel", {
      channel: settings.staffChannelId ? `<#${settings.staffChannelId}>` : t("setup.none"),
    }),
    t("setup.limit", { limit: settings.openTicketLimit }),
    t("setup.dms", { state: t(settings.dmNotifications ? "setup.on" : "setup.off") }),
    t("setup.language", { language: t(`setup.language.${settings.defaultLocale}`) }),
    "",
    t("setup.categories"),
    ...settings.categories.map((category) =>
      t("setup.category", {
        emoji: category.emoji ?? "•",
        label: categoryLabel(category, locale),
        disabled: category.enabled ? "" : t("setup.category.disabled"),
        staff:
          (category.staffRoleIds ?? []).length > 0
            ? roles(t, category.staffRoleIds ?? [])
            : t("setup.category.everyone"),
      }),
    ),
    "",
    `-# ${t("setup.integrations_hint")}`,
  ];
  return lines.join("\n");
}
