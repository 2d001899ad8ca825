import { describe, expect, it } from "vitest";
import { formatDuration, formatRelative, pickLocale, translate } from "./i18n";

describe("dashboard i18n", () => {
  it("follows a saved choice, then the browser's languages, then English", () => {
    expect(pickLocale("fr", ["en-US"])).toBe("fr");
    expect(pickLocale(null, ["de-DE", "fr-CA", "en"])).toBe("fr");
    expect(pickLocale(null, ["de-DE"])).toBe("en");
  });

  it("fills placeholders in both languages", () => {
    expect(translate("en", "ticket.number", { number: 42 })).toBe("Ticket #42");
    expect(translate("fr", "ticket.number", { number: 42 })).toBe("Ticket n° 42");
  });

  it("counts with the language's plurals and gives each filter its own “all” label", () => {
    expect(translate("en", "inbox.count", { count: 1 })).toBe("1 ticket");
    expect(translate("en", "inbox.count", { count: 1234 })).toBe("1,234 tickets");
    expect(translate("fr", "inbox.count", { count: 0 })).toBe("0 ticket");
    expect(translate("fr", "inbox.count", { count: 1234 })).toBe("1\u202f234 tickets");
    expect(translate("fr", "stats.daysShown", { count: 30 })).toBe("30 derniers jours");
    // The select reads "Catégorie : Toutes" — feminine, unlike the assignee's "Tout le monde".
    expect(translate("fr", "inbox.anyCategory")).toBe("Toutes");
    expect(translate("fr", "inbox.anyPriority")).toBe("Toutes");
    expect(translate("en", "inbox.anyCategory")).toBe("All categories");
  });

  it("writes durations and relative times the way people read them", () => {
    expect(formatDuration(3 * 3600 + 300, "en")).toBe("3 h 5 min");
    expect(formatDuration(2 * 86_400 + 4 * 3600, "fr")).toBe("2 j 4 h");
    const now = Date.parse("2026-11-24T12:00:00Z");
    expect(formatRelative("2026-11-24T11:57:00Z", "en", now)).toBe("3 min. ago");
    expect(formatRelative("2026-11-24T11:59:50Z", "fr", now)).toBe("à l'instant");
  });
});
