import { describe, expect, it } from "vitest";
import { withHeader } from "./run-all";

describe("withHeader", () => {
  it("keeps the message within Discord's 2,000 characters without leaving half an emoji", () => {
    const header = "**maxis**";
    // The header, a blank line, then text whose last emoji straddles the 2,000th UTF-16 unit.
    const body = `${"a".repeat(2000 - header.length - 2 - 1)}🎟 and more`;
    const { message } = withHeader({ message: body }, header);
    const content = typeof message === "string" ? message : (message.content ?? "");
    expect(content.length).toBe(1999);
    expect(content.startsWith(`${header}\n\n`)).toBe(true);
    expect(content.endsWith("a")).toBe(true);
  });
});
