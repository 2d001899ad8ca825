import { describe, expect, it } from "vitest";
import { escapeMarkdown, inertText, neutraliseLinks } from "./markdown";

describe("escapeMarkdown", () => {
  it("turns formatting, masked links and mentions into plain characters", () => {
    expect(escapeMarkdown("**bold** _it_ ||spoiler|| `code`")).toBe(
      "\\*\\*bold\\*\\* \\_it\\_ \\|\\|spoiler\\|\\| \\`code\\`",
    );
    expect(escapeMarkdown("@everyone <@123> <#9> <t:1:R>")).toBe(
      "\\@everyone \\<\\@123\\> \\<\\#9\\> \\<t:1:R\\>",
    );
    expect(escapeMarkdown("[click](https://evil.example)")).toBe("\\[click\\](https://evil.example)");
  });
});

describe("neutraliseLinks", () => {
  it("keeps bare URLs from becoming links", () => {
    expect(neutraliseLinks("see https://evil.example/k or www.evil.example")).toBe(
      "see https\\://evil.example/k or www\\.evil.example",
    );
  });

  it("keeps Discord invites without a scheme from becoming invite cards, and leaves other text alone", () => {
    expect(neutraliseLinks("join discord.gg/abc or Discord.com/invite/abc or discordapp.com/invite/x")).toBe(
      "join discord\\.gg/abc or Discord\\.com/invite/abc or discordapp\\.com/invite/x",
    );
    expect(neutraliseLinks("hxxps://x or Discord Nitro or discord.js")).toBe(
      "hxxps\\://x or Discord Nitro or discord.js",
    );
  });
});

describe("inertText", () => {
  it("makes the key id of the attack run plain, unclickable text", () => {
    expect(inertText("[Key rotation required: click](https://evil.example/k)")).toBe(
      "\\[Key rotation required: click\\](https\\://evil.example/k)",
    );
  });

  it("keeps it on one line and bounded", () => {
    expect(inertText("a\n# heading\r\n- item")).toBe("a \\# heading - item");
    expect(inertText("x".repeat(500), 10)).toBe(`${"x".repeat(9)}…`);
  });
});
