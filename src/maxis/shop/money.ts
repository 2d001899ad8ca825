import type { Locale } from "../../shared/i18n";
import { currencyFormat } from "../../shared/i18n/currency";

/**
 * Formats an integer amount of a currency's minor unit (cents for EUR, none for JPY) the way the
 * member's language writes prices: `€12.99` in English, `12,99 €` in French.
 */
export function formatPrice(minorUnits: number, currency: string, locale: Locale): string {
  const format = currencyFormat(locale, currency);
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(minorUnits / 10 ** digits);
}

/** Discord's `<t:…:R>` wants whole seconds. */
export function unixSeconds(iso: string): number {
  return Math.floor(Date.parse(iso) / 1000);
}
