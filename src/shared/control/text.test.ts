import { describe, expect, it } from "vitest";
import { findUnsafeText, isSafeText } from "./text";

describe("isSafeText", () => {
  it.each(["Nitro", "Nitro 🎁", "line one\nline two\ttab\r\n", "« Café »", ""])("accepts %j", (text) => {
    expect(isSafeText(text)).toBe(true);
  });

  it.each([
    ["a NUL", "Nitro\u0000"],
    ["a bell", "a\u0007b"],
    ["an escape", "\u001b[31mred"],
    ["DEL", "a\u007f"],
    ["a lone high surrogate", "a\ud83cb"],
    ["a lone low surrogate", "\udf81"],
  ])("refuses %s", (_name, text) => {
    expect(isSafeText(text)).toBe(false);
  });
});

describe("findUnsafeText", () => {
  it("names where the bad string is", () => {
    expect(findUnsafeText({ operator: { id: "1", name: "op" }, prize: "Nitro\u0000" })).toBe("prize");
    expect(findUnsafeText({ operation: "maintenance", args: ["off", "x\u0000"] })).toBe("args[1]");
    expect(findUnsafeText({ operator: { name: "\u0000" } })).toBe("operator.name");
    expect(findUnsafeText({ "bad\u0000key": 1 })).toBe("(body)");
    expect(findUnsafeText("\u0000")).toBe("(body)");
  });

  it("passes clean bodies, numbers and nulls", () => {
    expect(findUnsafeText({ a: 1, b: null, c: [true, "ok", { d: "fine\n" }] })).toBeNull();
  });
});
