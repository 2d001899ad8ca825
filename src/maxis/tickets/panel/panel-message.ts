/**
 * The ticket panel as Discord shows it: the server's title and text (localized defaults when unset)
 * and one button per enabled category, or one select menu when there are more than a row of buttons
 * holds. A custom_id names only the category key: which server's category it is comes from the signed
 * interaction of the click, never from the button. Pure.
 */
import { ButtonStyle, ComponentType } from "discord-api-types/payloads/v10";
import type { APISelectMenuOption } from "discord-api-types/v10";
import type { ServerSettings, TicketCategory } from "../../../shared/contracts/settings";
import { customId } from "../../../shared/discord/handlers";
import type { MessageData } from "../../../shared/discord/responses";
import type { Locale, Translator } from "../../../shared/i18n";
import { categoryEmoji } from "../../servers/category-emoji";
import { categoryLabel, enabledCategories } from "../../servers/settings";

export const PANEL_PREFIX = "ticket-panel";
/** Discord puts at most five buttons in a row. */
const MAX_BUTTONS = 5;
const PANEL_COLOR = 0x5865f2;

export function panelMessage(t: Translator, locale: Locale, settings: ServerSettings): MessageData {
  const categories = enabledCategories(settings);
  const withEmoji = (category: TicketCategory) => {
    // One emoji Discord refuses would fail the whole panel: such an emoji is left off.
    const emoji = categoryEmoji(category.emoji);
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
