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

/**
 * The reader's language from an HTTP Accept-Language header (`fr-FR,fr;q=0.9,…` → French): of the
 * languages we speak (`fr`, `en` and their regional tags), the one ranked highest and not refused
 * (`q=0`), the first of equals winning; English when the header names neither. A malformed entry
 * counts as absent.
 */
export function acceptLanguageLocale(header: string | undefined): Locale {
  let best: { locale: Locale; q: number } | null = null;
  for (const entry of (header ?? "").split(",")) {
    const [tag = "", ...params] = entry.split(";").map((part) => part.trim());
    const quality = params.find((p) => /^q=/i.test(p));
    const q = quality === undefined ? 1 : Number(quality.slice(2));
    if (!/^[a-z]{1,8}(-[a-z0-9]{1,8})*$/i.test(tag) || !(q > 0 && q <= 1)) continue;
    const locale: Locale | null = /^fr(-|$)/i.test(tag) ? "fr" : /^en(-|$)/i.test(tag) ? "en" : null;
    if (locale && (!best || q > best.q)) best = { locale, q };
  }
  return best?.locale ?? "en";
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
