import { describe, expect, it } from "vitest";
import type { StartGiveawayInput } from "./types";
import { entryWeight, validateStartInput } from "./validate";

const now = Date.UTC(2026, 10, 24, 12);
const valid: StartGiveawayInput = {
  prize: "  Nitro  ",
  winners: 2,
  endsAt: now + 3_600_000,
  guildId: "1300000000000000010",
  channelId: "1300000000000000020",
  hostId: "1300000000000000222",
};

const codeOf = (input: Partial<StartGiveawayInput>) => {
  const result = validateStartInput({ ...valid, ...input }, now);
  return result.ok ? "ok" : result.error.code;
};

describe("validateStartInput", () => {
  it("accepts a sound giveaway, trimming the prize and defaulting to English", () => {
    const result = validateStartInput(valid, now);
    expect(result).toEqual({
      ok: true,
      value: {
        prize: "Nitro",
        winners: 2,
        endsAt: now + 3_600_000,
        guildId: valid.guildId,
        channelId: valid.channelId,
        hostId: valid.hostId,
        requiredRoleId: null,
        bonusEntries: [],
        locale: "en",
      },
    });
  });

  it("refuses 0, 21 or fractional winners", () => {
    expect(codeOf({ winners: 0 })).toBe("invalid_winners");
    expect(codeOf({ winners: 21 })).toBe("invalid_winners");
    expect(codeOf({ winners: 1.5 })).toBe("invalid_winners");
    expect(codeOf({ winners: 20 })).toBe("ok");
  });

  it("refuses an end time in the past, too soon or beyond 60 days", () => {
    expect(codeOf({ endsAt: now - 1 })).toBe("invalid_end_time");
    expect(codeOf({ endsAt: now + 59_000 })).toBe("invalid_end_time");
    expect(codeOf({ endsAt: now + 61 * 86_400_000 })).toBe("invalid_end_time");
    expect(codeOf({ endsAt: Number.NaN })).toBe("invalid_end_time");
  });

  it("refuses an empty prize or one over 256 characters (counted as characters, not UTF-16 units)", () => {
    expect(codeOf({ prize: "   " })).toBe("prize_empty");
    expect(codeOf({ prize: "x".repeat(257) })).toBe("prize_too_long");
    expect(codeOf({ prize: "🎁".repeat(256) })).toBe("ok");
  });

  it("refuses a prize with control characters (a NUL byte, a line break, a bidi override) or a lone surrogate", () => {
    expect(codeOf({ prize: "Nitro\u0000" })).toBe("prize_invalid");
    expect(codeOf({ prize: "Nitro\n# Free" })).toBe("prize_invalid");
    expect(codeOf({ prize: "Nitro \u001b[31m" })).toBe("prize_invalid");
    expect(codeOf({ prize: "Nitro \ud83c" })).toBe("prize_invalid");
    expect(codeOf({ prize: "Nitro \u202eexe.gnp" })).toBe("prize_invalid");
    expect(codeOf({ prize: "Nitro \u2067abc" })).toBe("prize_invalid");
    expect(codeOf({ prize: "👨‍👩‍👧 Nitro" })).toBe("ok");
  });

  it("calls a prize of only invisible characters empty", () => {
    expect(codeOf({ prize: "\u200b\u200b" })).toBe("prize_empty");
    expect(codeOf({ prize: "\u00a0\u2060" })).toBe("prize_empty");
  });

  it("treats a required @everyone (the server's id) as no requirement", () => {
    const result = validateStartInput({ ...valid, requiredRoleId: valid.guildId }, now);
    expect(result.ok && result.value.requiredRoleId).toBe(null);
  });

  it("refuses bad bonus entries and ids", () => {
    expect(codeOf({ bonusEntries: [{ roleId: "1300000000000000031", entries: 0 }] })).toBe("invalid_bonus");
    expect(codeOf({ bonusEntries: [{ roleId: "1300000000000000031", entries: 11 }] })).toBe("invalid_bonus");
    expect(
      codeOf({
        bonusEntries: [
          { roleId: "1300000000000000031", entries: 1 },
          { roleId: "1300000000000000031", entries: 2 },
        ],
      }),
    ).toBe("invalid_bonus");
    expect(codeOf({ channelId: "general" })).toBe("invalid_channel");
    expect(codeOf({ requiredRoleId: "@everyone" })).toBe("invalid_role");
  });
});

describe("entryWeight", () => {
  const config = {
    guildId: "9",
    requiredRoleId: "1",
    bonusEntries: [
      { roleId: "2", entries: 2 },
      { roleId: "3", entries: 5 },
    ],
  };

  it("gives no ticket without the required role", () => {
    expect(entryWeight(config, ["2", "3"])).toBe(0);
  });

  it("gives one ticket plus every held bonus role's entries", () => {
    expect(entryWeight(config, ["1"])).toBe(1);
    expect(entryWeight(config, ["1", "2"])).toBe(3);
    expect(entryWeight(config, ["1", "2", "3"])).toBe(8);
    expect(entryWeight({ guildId: "9", requiredRoleId: null, bonusEntries: [] }, [])).toBe(1);
  });

  it("counts @everyone, whose id is the server's and which Discord never lists, as held by every member", () => {
    expect(entryWeight({ ...config, requiredRoleId: "9" }, [])).toBe(1);
    expect(entryWeight({ ...config, requiredRoleId: "9" }, ["3"])).toBe(6);
    expect(
      entryWeight({ guildId: "9", requiredRoleId: null, bonusEntries: [{ roleId: "9", entries: 2 }] }, []),
    ).toBe(3);
  });
});
