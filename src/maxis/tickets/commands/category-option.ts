/**
 * Suggestions for `/ticket create category:`: the enabled categories of the server the interaction
 * comes from (the six and those its admins added), in the server's order, labelled in the member's
 * language, filtered by what was typed. Read from the cached settings that panels use too, so typing
 * costs no database call; the database still refuses a disabled or unknown category at creation.
 * A member may also type a category's name instead of picking it: it is read as that category.
 */
import type { APIApplicationCommandOptionChoice, APIInteractionResponse } from "discord-api-types/v10";
import type { TicketCategory } from "../../../shared/contracts/settings";
import type { AutocompleteContext, InteractionContext } from "../../../shared/discord/handlers";
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

/**
 * Pure: the key of the category a member named by typing rather than picking a suggestion: its key,
 * or its label in either language (with or without its emoji), whatever the case. Null when none is.
 */
export function categoryKeyNamed(categories: readonly TicketCategory[], typed: string): string | null {
  const needle = typed.trim().toLocaleLowerCase();
  const named = categories.find((category) =>
    [
      category.key,
      category.labelEn,
      category.labelFr,
      categoryText(category, "en"),
      categoryText(category, "fr"),
    ].some((text) => text.toLocaleLowerCase() === needle),
  );
  return named?.key ?? null;
}

/** The category key for `/ticket create category:` as sent: a picked suggestion, or a typed name. */
export async function resolveCategoryOption(
  ctx: InteractionContext<MaxisEnv>,
  given: string,
): Promise<string> {
  const guildId = ctx.interaction.guild_id;
  if (!guildId) return given;
  const settings = await serverSettings(
    ctx.env,
    guildId,
    resolveLocale(ctx.interaction.guild_locale ?? undefined),
  );
  // Unknown names are passed on as typed: the database refuses them with its own message.
  return categoryKeyNamed(enabledCategories(settings), given) ?? given;
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
