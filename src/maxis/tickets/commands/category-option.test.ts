import { describe, expect, it } from "vitest";
import type { TicketCategory } from "../../../shared/contracts/settings";
import { categoryChoices, categoryKeyNamed } from "./category-option";

const category = (
  key: string,
  labelEn: string,
  labelFr: string,
  emoji: string | null = null,
): TicketCategory => ({
  key,
  position: 0,
  labelEn,
  labelFr,
  emoji,
  questions: [],
  enabled: true,
});

describe("category suggestions for /ticket create", () => {
  const categories = [
    category("general", "General", "Général", "💬"),
    category("events", "Events", "Événements", "🎉"),
    category("vip", "VIP lounge", "Salon VIP", "<:vip:123456789012345678>"),
  ];

  it("name each category in the member's language, its key underneath", () => {
    expect(categoryChoices(categories, "", "en")).toEqual([
      { name: "💬 General", value: "general" },
      { name: "🎉 Events", value: "events" },
      // A server emoji cannot show in Discord's picker text: the label alone.
      { name: "VIP lounge", value: "vip" },
    ]);
    expect(categoryChoices(categories, "", "fr").map((c) => c.name)).toEqual([
      "💬 Général",
      "🎉 Événements",
      "Salon VIP",
    ]);
  });

  it("keep those whose label (either language) or key contains what was typed", () => {
    expect(categoryChoices(categories, "évén", "en").map((c) => c.value)).toEqual(["events"]);
    expect(categoryChoices(categories, " SALON ", "en").map((c) => c.value)).toEqual(["vip"]);
    expect(categoryChoices(categories, "nothing", "fr")).toEqual([]);
  });

  it("stop at Discord's 25 suggestions", () => {
    const many = Array.from({ length: 30 }, (_, i) => category(`c${i}`, `Topic ${i}`, `Sujet ${i}`));
    expect(categoryChoices(many, "", "en")).toHaveLength(25);
  });
});

describe("a category typed instead of picked", () => {
  const categories = [
    category("billing", "Billing", "Facturation", "💳"),
    category("vip", "VIP lounge", "Salon VIP", "<:vip:123456789012345678>"),
  ];

  it("is read by its key or its label in either language, with or without its emoji, whatever the case", () => {
    for (const typed of [
      "billing",
      "Billing",
      "facturation",
      " FACTURATION ",
      "💳 Facturation",
      "salon vip",
    ]) {
      expect(categoryKeyNamed(categories, typed), typed).toBe(categories[typed.includes("vip") ? 1 : 0]?.key);
    }
  });

  it("is not guessed from part of a name", () => {
    expect(categoryKeyNamed(categories, "fac")).toBeNull();
    expect(categoryKeyNamed(categories, "refund")).toBeNull();
  });
});
