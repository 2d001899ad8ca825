import type { Locale } from "./locale";

/**
 * Fills a message template for a reader:
 * - `{name}` is replaced by `params.name`;
 * - `{name, plural, one {# entrant} other {# entrants}}` (ICU MessageFormat's plural, the part we use)
 *   picks the branch `Intl.PluralRules` gives for the number `params.name` in the reader's language
 *   (French says "0 participant", "1 participant", "2 participants"), an exact `=0 {…}` first;
 *   `#` in the branch is the number, formatted for the language.
 * Values are inserted as they are, never read as templates. Shared by the Workers' catalogues and
 * the dashboard's, so both count the same way.
 */
export type MessageParams = Readonly<Record<string, string | number>>;

/** One `make(locale)` per language, built the first time it is asked for (Intl objects are costly). */
function perLocale<T>(make: (locale: Locale) => T): (locale: Locale) => T {
  const made = new Map<Locale, T>();
  return (locale) => {
    let value = made.get(locale);
    if (value === undefined) {
      value = make(locale);
      made.set(locale, value);
    }
    return value;
  };
}

const rules = perLocale((locale) => new Intl.PluralRules(locale));
const numbers = perLocale((locale) => new Intl.NumberFormat(locale));

/** The plural category of `count` in this language: `one`, `other`, and for French also `many`. */
export function pluralCategory(locale: Locale, count: number): Intl.LDMLPluralRule {
  return rules(locale).select(count);
}

function formatCount(locale: Locale, count: number): string {
  return numbers(locale).format(count);
}

/** Index of the `}` closing the `{` at `open`, or -1. */
function closingBrace(template: string, open: number): number {
  let depth = 0;
  for (let i = open; i < template.length; i++) {
    if (template[i] === "{") depth++;
    else if (template[i] === "}" && --depth === 0) return i;
  }
  return -1;
}

const PLURAL = /^\s*(\w+)\s*,\s*plural\s*,/;
const BRANCH = /\s*(=\d+|zero|one|two|few|many|other)\s*\{/y;

function pluralBranches(body: string): Map<string, string> | null {
  const branches = new Map<string, string>();
  let at = 0;
  while (at < body.trimEnd().length) {
    BRANCH.lastIndex = at;
    const match = BRANCH.exec(body);
    if (!match?.[1]) return null;
    const open = BRANCH.lastIndex - 1;
    const close = closingBrace(body, open);
    if (close < 0) return null;
    branches.set(match[1], body.slice(open + 1, close));
    at = close + 1;
  }
  return branches.has("other") ? branches : null;
}

/** `#` outside nested braces, replaced by the number. */
function replaceHash(branch: string, count: string): string {
  let depth = 0;
  let out = "";
  for (const char of branch) {
    if (char === "{") depth++;
    else if (char === "}") depth--;
    out += char === "#" && depth === 0 ? count : char;
  }
  return out;
}

export function formatMessage(locale: Locale, template: string, params: MessageParams = {}): string {
  let out = "";
  let at = 0;
  while (at < template.length) {
    const open = template.indexOf("{", at);
    if (open < 0) break;
    const close = closingBrace(template, open);
    if (close < 0) break;
    out += template.slice(at, open);
    const inner = template.slice(open + 1, close);
    const plural = PLURAL.exec(inner);
    const simple = /^(\w+)$/.exec(inner);
    if (plural?.[1]) {
      const value = params[plural[1]];
      const branches = pluralBranches(inner.slice(plural[0].length));
      if (value === undefined || !branches) {
        out += template.slice(open, close + 1);
      } else {
        const count = Number(value);
        const known = Number.isFinite(count);
        const branch =
          (known && branches.get(`=${count}`)) ||
          (known && branches.get(pluralCategory(locale, count))) ||
          (branches.get("other") ?? "");
        out += formatMessage(
          locale,
          replaceHash(branch, known ? formatCount(locale, count) : String(value)),
          params,
        );
      }
    } else if (simple?.[1] && params[simple[1]] !== undefined) {
      out += String(params[simple[1]]);
    } else {
      out += template.slice(open, close + 1);
    }
    at = close + 1;
  }
  return out + template.slice(at);
}

/** The argument names a template uses (`{name}` and `{name, plural, …}`), for catalogue checks. */
export function messageArguments(template: string): string[] {
  return [...new Set([...template.matchAll(/\{(\w+)\s*(?:\}|,\s*plural)/g)].map((m) => m[1] ?? ""))].sort();
}
