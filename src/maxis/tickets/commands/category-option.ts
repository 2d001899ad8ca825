/**
 * Suggestions for `/ticket create category:`: the enabled categories of the server the interaction
 * comes from (the six and those its admins added), in the server's order, labelled in the member's
 * language, filtered by what was typed. Read from the cached settings that panels use too, so typing
 * costs no database call; the database still refuses a disabled or unknown category at creation.
 */
import type { APIApplicationCommandOptionChoice, APIInteractionResponse } from "discord-api-types/v10";
import type { TicketCategory } from "../../../shared/contracts/settings";
import type { AutocompleteContext } from "../../../shared/discord/handlers";
import { autocompleteChoices } from "../../../shared/discord/responses";
import { type Locale, resolveLocale } from "../../../shared/i18n";
import { enabledCategories } from "../../servers/settings";
import { serverSettings } from "../../servers/settings-store";
import { clip } from "../render/escape";
import { categoryText } from "../render/labels";

/** Discord shows at most 25 suggestions. */
const MAX_CHOICES = 25;

/** Pure: the categories matching `typed` (label in either language, or key), as choices. */
export function categoryChoices(
  categories: readonly TicketCategory[],
  typed: string,
  locale: Locale,
): APIApplicationCommandOptionChoice<string>[] {
  const needle = typed.trim().toLocaleLowerCase();
  return categories
    .filter(
      (category) =>
        !needle ||
        [category.key, category.labelEn, category.labelFr].some((text) =>
          text.toLocaleLowerCase().includes(needle),
        ),
    )
    .slice(0, MAX_CHOICES)
    .map((category) => ({
      // Choice names are plain text in Discord's picker: no Markdown to escape, only a length limit.
      name: clip(categoryText(category, locale), 100),
      value: category.key,
    }));
}

export async function autocompleteCategoryOption(
  ctx: AutocompleteContext<MaxisEnv>,
  typed: string,
): Promise<APIInteractionResponse> {
  const guildId = ctx.interaction.guild_id;
  if (!guildId) return autocompleteChoices([]);
  const settings = await serverSettings(
    ctx.env,
    guildId,
    resolveLocale(ctx.interaction.guild_locale ?? undefined),
  );
  return autocompleteChoices(categoryChoices(enabledCategories(settings), typed, ctx.locale));
}
