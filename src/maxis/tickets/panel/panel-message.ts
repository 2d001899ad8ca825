/**
 * The ticket panel as Discord shows it: the server's title and text (localized defaults when unset)
 * and one button per enabled category, or one select menu when there are more than a row of buttons
 * holds. A custom_id names only the category key: which server's category it is comes from the signed
 * interaction of the click, never from the button. Pure.
 */
import { ButtonStyle, ComponentType } from "discord-api-types/payloads/v10";
import type { APIMessageComponentEmoji, APISelectMenuOption } from "discord-api-types/v10";
import type { ServerSettings, TicketCategory } from "../../../shared/contracts/settings";
import { customId } from "../../../shared/discord/handlers";
import type { MessageData } from "../../../shared/discord/responses";
import type { Locale, Translator } from "../../../shared/i18n";
import { categoryLabel, enabledCategories } from "../../servers/settings";

export const PANEL_PREFIX = "ticket-panel";
/** Discord puts at most five buttons in a row. */
const MAX_BUTTONS = 5;
const PANEL_COLOR = 0x5865f2;

/** A category's emoji as a component emoji: Unicode, or a server emoji written `<:name:id>`. */
export function componentEmoji(emoji: string | null): APIMessageComponentEmoji | undefined {
  if (!emoji) return undefined;
  const custom = /^<(a?):([A-Za-z0-9_]{2,32}):([0-9]{1,20})>$/.exec(emoji);
  if (custom) return { name: custom[2] ?? "", id: custom[3] ?? "", animated: custom[1] === "a" };
  return { name: emoji };
}

export function panelMessage(t: Translator, locale: Locale, settings: ServerSettings): MessageData {
  const categories = enabledCategories(settings);
  const withEmoji = (category: TicketCategory) => {
    const emoji = componentEmoji(category.emoji);
    return emoji ? { emoji } : {};
  };
  const controls =
    categories.length <= MAX_BUTTONS
      ? categories.map((category) => ({
          type: ComponentType.Button as const,
          style: ButtonStyle.Primary as const,
          custom_id: customId(PANEL_PREFIX, category.key),
          label: categoryLabel(category, locale),
          ...withEmoji(category),
        }))
      : [
          {
            type: ComponentType.StringSelect as const,
            custom_id: PANEL_PREFIX,
            placeholder: t("panel.select_placeholder"),
            options: categories.map(
              (category): APISelectMenuOption => ({
                value: category.key,
                label: categoryLabel(category, locale),
                ...withEmoji(category),
              }),
            ),
          },
        ];
  return {
    embeds: [
      {
        title: settings.panelTitle ?? t("panel.default_title"),
        description: settings.panelText ?? t("panel.default_text"),
        color: PANEL_COLOR,
      },
    ],
    components: [{ type: ComponentType.ActionRow, components: controls }],
  };
}
