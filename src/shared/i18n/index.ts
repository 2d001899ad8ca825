import type { Locale as DiscordLocale } from "discord-api-types/v10";
import { en, fr, type MessageKey } from "./catalogs";
import type { Locale } from "./locale";
import { formatMessage, type MessageParams } from "./message-format";

export type { MessageKey } from "./catalogs";

export type { Locale } from "./locale";

export type { MessageParams } from "./message-format";

export type Translator = (key: MessageKey, params?: MessageParams) => string;

const catalogues: Record<Locale, Record<MessageKey, string>> = { en, fr };

/** Picks our language from a Discord locale such as `fr`, `en-US` or `pt-BR`. */
export function resolveLocale(discordLocale: string | undefined): Locale {
  return discordLocale?.toLowerCase().startsWith("fr") ? "fr" : "en";
}

/** The reader's language from an HTTP Accept-Language header (`fr-FR,fr;q=0.9,…` → French): its first entry. */
export function acceptLanguageLocale(header: string | undefined): Locale {
  return resolveLocale(header?.split(",")[0]?.trim());
}

/** The message in this language, placeholders filled and plurals chosen (see ./message-format.ts). */
export function translate(locale: Locale, key: MessageKey, params: MessageParams = {}): string {
  return formatMessage(locale, catalogues[locale][key], params);
}

export function translatorFor(locale: Locale): Translator {
  return (key, params) => translate(locale, key, params);
}

/**
 * The `description` + `description_localizations` pair Discord expects in a command definition,
 * so command data reads from the same catalogue as the replies.
 */
export function localizedDescription(key: MessageKey): {
  description: string;
  description_localizations: Partial<Record<DiscordLocale, string>>;
} {
  return { description: en[key], description_localizations: { fr: fr[key] } };
}
