import { describe, expect, it } from "vitest";
import { firstUnstorableCharacter, unstorableCharacterIn } from "./storable-text";

describe("unstorable characters", () => {
  it("names U+0000 and unpaired surrogates, and lets paired ones (emoji) through", () => {
    expect(unstorableCharacterIn("Nitro\u0000")).toBe("U+0000");
    expect(unstorableCharacterIn("a\udc00")).toBe("U+DC00");
    expect(unstorableCharacterIn("s\ud800x")).toBe("U+D800");
    expect(unstorableCharacterIn("s\ud83d")).toBe("U+D83D");
    expect(unstorableCharacterIn("🎉 Nitro — élève")).toBeNull();
  });

  it("finds them in values and keys at any depth, without recursion", () => {
    expect(firstUnstorableCharacter({ data: { options: [{ value: "ok" }, { value: "x\udfff" }] } })).toBe(
      "U+DFFF",
    );
    expect(firstUnstorableCharacter({ "k\u0000": 1 })).toBe("U+0000");
    let deep: unknown = "fine";
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(firstUnstorableCharacter({ extra: deep, id: "1" })).toBeNull();
    expect(firstUnstorableCharacter([1, true, null, "🎉"])).toBeNull();
  });
});
