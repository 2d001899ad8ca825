import { describe, expect, it } from "vitest";
import { categoryEmoji, isUnicodeEmoji } from "./category-emoji";

describe("a category's emoji, as a button may carry it", () => {
  it.each(["🎫", "💳", "❤️", "👍🏽", "👩‍💻", "🏳️‍🌈", "🇫🇷", "1️⃣", "#️⃣", "©️", "🏴󠁧󠁢󠁥󠁮󠁧󠁿"])(
    "keeps the Unicode emoji %s as it is",
    (emoji) => {
      expect(categoryEmoji(emoji)).toEqual({ name: emoji });
      expect(isUnicodeEmoji(emoji)).toBe(true);
    },
  );

  it("reads a server emoji written <:name:id> or <a:name:id>", () => {
    expect(categoryEmoji("<:billing:1300000000000000555>")).toEqual({
      name: "billing",
      id: "1300000000000000555",
      animated: false,
    });
    expect(categoryEmoji("<a:party_time:1300000000000000556>")).toEqual({
      name: "party_time",
      id: "1300000000000000556",
      animated: true,
    });
    expect(isUnicodeEmoji("<:billing:1300000000000000555>")).toBe(false);
  });

  it.each([
    null,
    "",
    " ",
    "billing",
    ":credit_card:",
    "1",
    "A",
    "🎫🎫",
    "🎫 Billing",
    "<:billing:>",
    "<:b:1300000000000000555>",
    "<:billing:12ab>",
    "<:bil ling:1300000000000000555>",
    "<billing:1300000000000000555>",
    "<:billing:1300000000000000555",
    "<@1300000000000000555>",
    "**",
  ])("leaves %j off the button", (emoji) => {
    expect(categoryEmoji(emoji)).toBeUndefined();
  });
});
