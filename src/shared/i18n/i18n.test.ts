import { describe, expect, it } from "vitest";
import { catalogues, en, fr, type MessageKey } from "./catalogs";
import { acceptLanguageLocale, localizedDescription, resolveLocale, translate } from "./index";
import { messageArguments } from "./message-format";

describe("i18n", () => {
  it("answers French to every French locale and English to everyone else", () => {
    expect(resolveLocale("fr")).toBe("fr");
    expect(resolveLocale("FR-ca")).toBe("fr");
    expect(resolveLocale("en-US")).toBe("en");
    expect(resolveLocale("pt-BR")).toBe("en");
    expect(resolveLocale(undefined)).toBe("en");
  });

  it("reads an HTTP reader's language from the first entry of Accept-Language", () => {
    expect(acceptLanguageLocale("fr-FR,fr;q=0.9,en;q=0.8")).toBe("fr");
    expect(acceptLanguageLocale(" fr")).toBe("fr");
    expect(acceptLanguageLocale("en-GB,fr;q=0.9")).toBe("en");
    expect(acceptLanguageLocale(undefined)).toBe("en");
  });

  it("follows Accept-Language's qualities: French refused with q=0 or ranked below English is not French", () => {
    expect(acceptLanguageLocale("fr;q=0, en")).toBe("en");
    expect(acceptLanguageLocale("fr;q=0")).toBe("en");
    expect(acceptLanguageLocale("en;q=0.1, fr;q=0.9")).toBe("fr");
    expect(acceptLanguageLocale("de, fr;q=0.5")).toBe("fr");
    expect(acceptLanguageLocale("fr-CH;q=0.8, en;q=0.8")).toBe("fr");
    // North Frisian is not French, and neither is a wildcard or a malformed header.
    expect(acceptLanguageLocale("frr")).toBe("en");
    expect(acceptLanguageLocale("*")).toBe("en");
    expect(acceptLanguageLocale(";;;,,,q=fr")).toBe("en");
    expect(acceptLanguageLocale(`${"x,".repeat(50_000)}fr`)).toBe("fr");
  });

  it("fills placeholders and leaves unknown ones visible", () => {
    expect(translate("fr", "ping.ok", { ms: 12, appRole: "agent" })).toBe(
      "Pong ! La base de données a répondu en 12 ms (connecté en tant que agent).",
    );
    expect(translate("en", "ping.ok", { ms: 3 })).toBe(
      "Pong! The database answered in 3 ms (signed in as {appRole}).",
    );
  });

  it("defines every key in exactly one feature catalogue", () => {
    const keys = catalogues.flatMap((catalogue) => Object.keys(catalogue.en));
    expect(keys.length).toBe(new Set(keys).size);
  });

  it("uses the same placeholders in both languages", () => {
    for (const key of Object.keys(en) as MessageKey[]) {
      expect(messageArguments(fr[key]), key).toEqual(messageArguments(en[key]));
    }
  });

  it("quotes with “ ” in English and with « » around narrow no-break spaces in French", () => {
    const englishGuillemets = Object.entries(en).filter(([, text]) => /[«»]/.test(text));
    expect(englishGuillemets.map(([key]) => key)).toEqual([]);
    // « then U+202F, U+202F then »: the quote never ends up alone at the end or start of a line.
    const frenchSpacing = Object.entries(fr).filter(([, text]) => /«(?!\u202f)|(?<!\u202f)»/.test(text));
    expect(frenchSpacing.map(([key]) => key)).toEqual([]);
  });

  it("writes counts with plurals the reader's language picks, never as “(s)”", () => {
    for (const locale of ["en", "fr"] as const) {
      for (const key of Object.keys(en) as MessageKey[]) {
        const ones = Object.fromEntries(messageArguments(en[key]).map((name) => [name, 1]));
        const text = translate(locale, key, ones);
        expect(text, key).not.toMatch(/\(s\)|, plural,/);
      }
    }
    expect(translate("en", "giveaway.entry.entered", { count: 1 })).toBe(
      "You're in! 1 entrant so far. Good luck!",
    );
    expect(translate("fr", "ticket.error.too_many_open_tickets", { openMax: 1 })).toBe(
      "Vous avez déjà 1 ticket ouvert. Fermez-en un avant d'en ouvrir un autre.",
    );
    expect(
      translate("fr", "maxis.analytics.promotions", { run: 1, plans: 1, average: "20 %", live: 0 }),
    ).toBe("Promotions : 1 lancée sur 1 offre, moyenne 20 %, 0 en cours");
  });

  it("says a French zero naturally (« aucun remboursement »), never « 0 remboursés »", () => {
    // Every French message with all its arguments 0: no « 0 remboursés », « 0 envoyées ».
    const zeroPlurals = (Object.keys(fr) as MessageKey[]).filter((key) => {
      const zeros = Object.fromEntries(messageArguments(fr[key]).map((name) => [name, 0]));
      return /(^|[\s(])0 \p{L}+(?:és|ées)\b/u.test(translate("fr", key, zeros));
    });
    expect(zeroPlurals).toEqual([]);
    const nothing = {
      server: "S",
      paid: "0",
      payments: 0,
      refunded: "0",
      refundedCents: 0,
      failed: 0,
      disputes: 0,
      active: 0,
    };
    expect(translate("fr", "maxis.analytics.revenue", nothing)).toBe(
      "Chiffre d'affaires de S : aucun paiement, aucun remboursement, aucun paiement refusé, aucune contestation, aucun abonnement actif",
    );
    expect(translate("fr", "control.report.revenue_value", { ...nothing, byPlan: "—" })).toBe(
      "Chiffre d'affaires de S : aucun paiement, aucun remboursement, aucun paiement refusé, aucune contestation, aucun abonnement actif. Par offre et promotion : —",
    );
    const some = {
      server: "S",
      paid: "25,98 €",
      payments: 2,
      refunded: "12,99 €",
      refundedCents: 1299,
      failed: 1,
      disputes: 2,
      active: 1,
    };
    expect(translate("fr", "maxis.analytics.revenue", some)).toBe(
      "Chiffre d'affaires de S : 25,98 € sur 2 paiements, 12,99 € remboursés, 1 paiement refusé, 2 contestations, 1 abonnement actif",
    );
    expect(translate("en", "maxis.analytics.revenue", nothing)).toBe(
      "Revenue of S: 0 from 0 payments, nothing refunded, 0 failed, 0 disputed, 0 active subscriptions",
    );
  });

  it("gives command descriptions within Discord's 100-character limit in both languages", () => {
    for (const key of Object.keys(en).filter((k) => k.startsWith("command.")) as MessageKey[]) {
      const { description, description_localizations } = localizedDescription(key);
      expect(description.length, key).toBeLessThanOrEqual(100);
      expect(description_localizations.fr?.length, key).toBeLessThanOrEqual(100);
    }
  });
});
