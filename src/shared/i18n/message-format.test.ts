import { describe, expect, it } from "vitest";
import { formatMessage, messageArguments, pluralCategory } from "./message-format";

const entrants = "{count, plural, one {# entrant} other {# entrants}}";
const participants = "{count, plural, one {# participant} other {# participants}}";

describe("formatMessage", () => {
  it("picks the plural each language uses: French counts 0 and 1 as singular, English only 1", () => {
    expect([0, 1, 2].map((count) => formatMessage("en", entrants, { count }))).toEqual([
      "0 entrants",
      "1 entrant",
      "2 entrants",
    ]);
    expect([0, 1, 2].map((count) => formatMessage("fr", participants, { count }))).toEqual([
      "0 participant",
      "1 participant",
      "2 participants",
    ]);
  });

  it("formats the number for the language and prefers an exact match", () => {
    expect(formatMessage("en", entrants, { count: 12345 })).toBe("12,345 entrants");
    expect(formatMessage("fr", participants, { count: 12345 })).toBe("12\u202f345 participants");
    // French has a `many` category for millions; a message without it falls back to `other`.
    expect(pluralCategory("fr", 1_000_000)).toBe("many");
    expect(formatMessage("fr", participants, { count: 1_000_000 })).toBe("1\u202f000\u202f000 participants");
    expect(formatMessage("en", "{n, plural, =0 {nobody} one {# person} other {# people}}", { n: 0 })).toBe(
      "nobody",
    );
  });

  it("fills placeholders inside and around plurals, and never reads a value as a template", () => {
    const template = "**#{number}**: {count, plural, one {# message by {who}} other {# messages}}";
    expect(formatMessage("en", template, { number: 7, count: 1, who: "{count} #" })).toBe(
      "**#7**: 1 message by {count} #",
    );
  });

  it("leaves what it cannot fill visible rather than guessing", () => {
    expect(formatMessage("en", "{missing} and {count, plural, one {#} other {#s}}", {})).toBe(
      "{missing} and {count, plural, one {#} other {#s}}",
    );
    expect(formatMessage("en", "{count, plural, one {# x}}", { count: 1 })).toBe(
      "{count, plural, one {# x}}",
    );
  });

  it("lists a template's arguments once each", () => {
    expect(messageArguments("{a} {n, plural, one {# {a}} other {# {b}}}")).toEqual(["a", "b", "n"]);
  });
});
