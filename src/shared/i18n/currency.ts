import type { Locale } from "./index";

const INTL_LOCALE: Record<Locale, string> = { en: "en-US", fr: "fr-FR" };
/** A few currencies per language in practice; the bound only guards against a runaway table. */
const MAX_FORMATS = 64;
const formats = new Map<string, Intl.NumberFormat>();
/** Each formatter's minor-unit digits: `resolvedOptions()` builds a fresh object on every call. */
const fractionDigits = new WeakMap<Intl.NumberFormat, number>();
/** A shop has a handful of prices; the bound only guards against a runaway table. */
const MAX_PRICES = 512;
/** Prices already written, by language, currency and amount: `/shop` writes the same few on every call. */
const written = new Map<string, string>();

/**
 * The price formatter for a language and an ISO 4217 currency (`€12.99` / `12,99 €`), built once per
 * isolate: building an `Intl.NumberFormat` costs about a millisecond, using one a few microseconds,
 * and `/shop` formats two prices per plan. Throws a RangeError for a code that is not a currency.
 */
export function currencyFormat(locale: Locale, currency: string): Intl.NumberFormat {
  const key = `${locale}|${currency}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(INTL_LOCALE[locale], { style: "currency", currency });
    if (formats.size >= MAX_FORMATS) formats.clear();
    formats.set(key, format);
  }
  return format;
}

/**
 * Formats an integer amount of a currency's minor unit (cents for EUR, none for JPY) the way the
 * member's language writes prices: `€12.99` in English, `12,99 €` in French.
 */
export function formatPrice(minorUnits: number, currency: string, locale: Locale): string {
  // ICU's format() costs several microseconds a call, a lookup well under one.
  const key = `${locale}|${currency}|${minorUnits}`;
  const known = written.get(key);
  if (known !== undefined) return known;
  const format = currencyFormat(locale, currency);
  let digits = fractionDigits.get(format);
  if (digits === undefined) {
    digits = format.resolvedOptions().maximumFractionDigits ?? 2;
    fractionDigits.set(format, digits);
  }
  const price = format.format(minorUnits / 10 ** digits);
  if (written.size >= MAX_PRICES) written.clear();
  written.set(key, price);
  return price;
}
