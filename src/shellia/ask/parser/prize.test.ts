import { describe, expect, it } from "vitest";
import { parseRequest } from "./parse";

const ctx = { targets: ["maxis"], now: Date.parse("2026-12-01T10:00:00Z"), timeZone: "Europe/Paris" };

/** The prize the built-in parser reads from a request, as it will be posted. */
function prizeOf(text: string): unknown {
  const parsed = parseRequest(text, ctx);
  return parsed.kind === "drafts" ? parsed.drafts[0]?.options["prize"] : parsed.kind;
}

describe("the prize of a giveaway asked in plain words", () => {
  it.each([
    ["start a giveaway for Nitro Classic (Été!) for 2 days in #general", "Nitro Classic (Été!)"],
    ["lance un giveaway Carte Cadeau ÉTÉ, 50€! pendant 7j dans #general", "Carte Cadeau ÉTÉ, 50€!"],
    ["giveaway of Dr. Mario's Game! for 1 day in #general", "Dr. Mario's Game!"],
    ["concours « Nitro (Été!) » dans #general pendant 2 jours", "Nitro (Été!)"],
    ["giveaway \"  Ça, c'est l'ÉTÉ !  \" in #general for 2 days", "Ça, c'est l'ÉTÉ !"],
    ["giveaway C++ Course for 3 days in #general", "C++ Course"],
  ])("keeps %j exactly as typed", (text, prize) => {
    expect(prizeOf(text)).toBe(prize);
  });

  it("leaves out the punctuation that only separates it from the rest of the sentence", () => {
    expect(prizeOf("giveaway Nitro, for 2 days in #general")).toBe("Nitro");
    expect(prizeOf("giveaway Nitro (for 2 days) in #general")).toBe("Nitro");
  });
});
