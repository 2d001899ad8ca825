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

  it.each([
    ["lance un giveaway Nitro et un jeu Steam pendant 2 jours dans #general", "Nitro et un jeu Steam"],
    ["giveaway Nitro and a Steam key for 2 days in #general", "Nitro and a Steam key"],
    ["concours Nitro et 2 clés Steam pendant 2 jours dans #general", "Nitro et 2 clés Steam"],
  ])('keeps « et » / "and" inside it: %j', (text, prize) => {
    expect(prizeOf(text)).toBe(prize);
  });

  it.each([
    ["giveaway Nitro and 2 winners for 1 day in #general", "Nitro"],
    ["concours Nitro et deux gagnants pendant 1 jour dans #general", "Nitro"],
    ["giveaway Nitro and in #general for 1 day", "Nitro"],
    ["concours Nitro et dans le salon general pendant 2 jours", "Nitro"],
    ["giveaway Nitro and for 2 days in #general", "Nitro"],
    ["concours Nitro et pendant 2 jours dans #general", "Nitro"],
    ["giveaway Nitro for 2 days and in #general", "Nitro"],
  ])('stops at « et » / "and" before the rest of the request: %j', (text, prize) => {
    expect(prizeOf(text)).toBe(prize);
  });

  it("leaves out the punctuation that only separates it from the rest of the sentence", () => {
    expect(prizeOf("giveaway Nitro, for 2 days in #general")).toBe("Nitro");
    expect(prizeOf("giveaway Nitro (for 2 days) in #general")).toBe("Nitro");
  });
});

describe('a giveaway described across « et » / "and"', () => {
  const drafts = (text: string) => {
    const parsed = parseRequest(text, ctx);
    return parsed.kind === "drafts" ? parsed.drafts.map((d) => d.options) : parsed.kind;
  };

  it("is one giveaway when the words after it only add its details", () => {
    expect(drafts("start a giveaway Nitro and 2 winners for 1 day in #general")).toEqual([
      { prize: "Nitro", duration: "1d", channel: "#general", winners: 2 },
    ]);
    expect(drafts("giveaway Nitro and 2 Steam keys for 3 winners for 2 days in #general")).toEqual([
      { prize: "Nitro and 2 Steam keys", duration: "2d", channel: "#general", winners: 3 },
    ]);
  });

  it("is two giveaways when each part names its own", () => {
    expect(
      drafts(
        "lance un concours Nitro pendant 2 jours dans #general et un concours Steam pendant 1 jour dans #general",
      ),
    ).toEqual([
      { prize: "Nitro", duration: "2d", channel: "#general" },
      { prize: "Steam", duration: "1d", channel: "#general" },
    ]);
  });
});
