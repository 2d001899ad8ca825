import { describe, expect, it } from "vitest";
import { translatorFor } from "../../shared/i18n";
import { ticketErrorMessage } from "./errors";
import { TICKET_ERROR_CODES } from "./rpc";

describe("ticketErrorMessage", () => {
  it("has a filled-in message for every code the database raises, in both languages", () => {
    for (const locale of ["en", "fr"] as const) {
      for (const code of TICKET_ERROR_CODES) {
        const text = ticketErrorMessage(translatorFor(locale), code, 42);
        expect(text, `${locale} ${code}`).not.toMatch(/\{\w+\}/);
        expect(text.length, `${locale} ${code}`).toBeGreaterThan(10);
      }
    }
  });

  it("names the ticket and the limit the member ran into", () => {
    const en = translatorFor("en");
    expect(ticketErrorMessage(en, "ticket_not_found", 42)).toBe("Ticket #42 was not found.");
    expect(ticketErrorMessage(en, "subject_too_long")).toContain("at most 100 characters");
    expect(ticketErrorMessage(translatorFor("fr"), "invalid_ticket_number", "abc")).toBe(
      "« abc » n'est pas un numéro de ticket. Écrivez-le comme 42 ou #42.",
    );
  });

  it("lists the choices by the names the reader sees in their language, not the stored values", () => {
    // Categories differ per server: the message points to the server's list instead.
    const fr = translatorFor("fr");
    expect(ticketErrorMessage(fr, "invalid_category")).toBe(
      "Catégorie inconnue. Choisissez l'une des catégories de ce serveur dans la liste.",
    );
    expect(ticketErrorMessage(fr, "invalid_priority")).toBe(
      "Priorité inconnue. Choisissez parmi : Critique, Haute, Moyenne, Basse.",
    );
    expect(ticketErrorMessage(fr, "invalid_status")).toBe(
      "Statut inconnu. Choisissez parmi : Ouvert, En cours, En attente du membre, Fermé.",
    );
    expect(ticketErrorMessage(translatorFor("en"), "invalid_priority")).toBe(
      "Unknown priority. Choose one of: Critical, High, Medium, Low.",
    );
  });
});
