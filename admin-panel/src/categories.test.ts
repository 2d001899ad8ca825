import { describe, expect, it } from "vitest";
import type { CategorySettings } from "./api";
import { categoryName, countedKeys } from "./categories";
import { type Locale, type MessageKey, translate } from "./i18n";

const translator = (locale: Locale) => (key: MessageKey) => translate(locale, key);

const events: CategorySettings = {
  key: "events",
  position: 6,
  labelEn: "Events",
  labelFr: "Événements",
  emoji: "🎉",
  questions: [],
  enabled: false,
};

describe("naming categories on the dashboard", () => {
  it("uses the server's labels, then the catalogue's for the six, then the key", () => {
    const en = translator("en");
    expect(categoryName("events", [events], "fr", translator("fr"))).toBe("Événements");
    expect(categoryName("events", [events], "en", en)).toBe("Events");
    expect(categoryName("billing", null, "en", en)).toBe("Billing");
    expect(categoryName("raffle", [events], "en", en)).toBe("raffle");
  });

  it("orders counts as the server orders its categories, unknown keys last", () => {
    const general = { ...events, key: "general", position: 0 };
    expect(countedKeys([events, general], { general: 1, events: 2, old: 3 })).toEqual([
      "events",
      "general",
      "old",
    ]);
  });
});
