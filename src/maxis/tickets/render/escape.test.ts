import { describe, expect, it } from "vitest";
import { clip, escapeMarkdown, safeText } from "./escape";

describe("escapeMarkdown", () => {
  it("turns formatting, links and mentions into plain characters", () => {
    expect(escapeMarkdown("**bold** _it_ ~~s~~ `code` ||spoiler||")).toBe(
      "\\*\\*bold\\*\\* \\_it\\_ \\~\\~s\\~\\~ \\`code\\` \\|\\|spoiler\\|\\|",
    );
    expect(escapeMarkdown("@everyone @here")).toBe("\\@everyone \\@here");
    expect(escapeMarkdown("<@123> <@&456> <#789>")).toBe("\\<\\@123\\> \\<\\@&456\\> \\<\\#789\\>");
    expect(escapeMarkdown("[click](https://evil.example)")).toBe("\\[click\\](https://evil.example)");
  });

  it("neutralises block syntax at the start of lines only", () => {
    expect(escapeMarkdown("# Title\n> quote\n- item\n1. first\n-# small")).toBe(
      "\\# Title\n\\> quote\n\\- item\n1\\. first\n-\\# small",
    );
    expect(escapeMarkdown("a - b, version 1.2")).toBe("a - b, version 1.2");
  });

  it("escapes backslashes first, so a typed escape cannot undo ours", () => {
    expect(escapeMarkdown("\\@everyone")).toBe("\\\\\\@everyone");
  });
});

describe("clip", () => {
  it("keeps short text and cuts long text with an ellipsis", () => {
    expect(clip("hello", 5)).toBe("hello");
    expect(clip("hello world", 6)).toBe("hello…");
  });

  it("never ends on half an escape or half an emoji", () => {
    expect(clip("ab\\*cd", 4)).toBe("ab…");
    expect(clip("a😀b", 3)).toBe("a…");
  });

  it("safeText escapes before clipping, so the limit holds for what Discord receives", () => {
    const text = safeText("*".repeat(50), 21);
    expect(text.length).toBeLessThanOrEqual(21);
    expect(text).toBe(`${"\\*".repeat(10)}…`);
  });
});
