/**
 * The server's ticket categories as every page names them: the six every server starts with and those
 * its admins added, with the labels the admins chose. Loaded once per server and page session (the
 * Settings page hands over a fresh list after each change), so the inbox, a ticket and the statistics
 * name a category the same way without asking again.
 */
import { useEffect, useState } from "preact/hooks";
import { type CategorySettings, isDefaultCategory } from "./api";
import { type AppContextValue, useApp } from "./context";

/** Pure: a category's name for the reader; a key the list does not have (yet) keeps its catalogue name or itself. */
export function categoryName(
  key: string,
  categories: readonly CategorySettings[] | null,
  locale: AppContextValue["locale"],
  t: AppContextValue["t"],
): string {
  const found = categories?.find((c) => c.key === key);
  if (found) return locale === "fr" ? found.labelFr : found.labelEn;
  return isDefaultCategory(key) ? t(`category.${key}`) : key;
}

/** Pure: the keys of counts per category, in the server's order, any the list lacks after them. */
export function countedKeys(
  categories: readonly CategorySettings[],
  counts: Record<string, number>,
): string[] {
  const ordered = categories.map((c) => c.key).filter((key) => key in counts);
  return [...ordered, ...Object.keys(counts).filter((key) => !ordered.includes(key))];
}

let loaded: { guildId: string; categories: Promise<CategorySettings[]> } | null = null;
const listeners = new Set<(categories: CategorySettings[]) => void>();

/** After the Settings page changed them: every mounted page shows the new list. */
export function rememberCategories(guildId: string, categories: CategorySettings[]): void {
  loaded = { guildId, categories: Promise.resolve(categories) };
  for (const listener of listeners) listener(categories);
}

export function useCategories() {
  const { api, session, locale, t } = useApp();
  const [list, setList] = useState<CategorySettings[] | null>(null);
  useEffect(() => {
    if (loaded?.guildId !== session.guildId) {
      const attempt = {
        guildId: session.guildId,
        categories: api.settings().then(
          (settings) => settings.categories,
          () => {
            // Names fall back to the catalogue's; the next page asks again.
            if (loaded === attempt) loaded = null;
            return [];
          },
        ),
      };
      loaded = attempt;
    }
    let live = true;
    void loaded?.categories.then((categories) => {
      if (live) setList(categories);
    });
    listeners.add(setList);
    return () => {
      live = false;
      listeners.delete(setList);
    };
  }, [api, session.guildId]);
  return {
    /** Every category of the server in its order, enabled or not (empty until loaded). */
    categories: list ?? [],
    name: (key: string) => categoryName(key, list, locale, t),
  };
}
