import { describe, expect, it } from "vitest";
import { firstUnstorableCharacter, mayHoldUnstorable, unstorableCharacterIn } from "./storable-text";

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

describe("the body scan before the walk", () => {
  const bodyWith = (text: string) => JSON.stringify({ id: "1", data: { [text]: [{ value: text }] } });

  it("sends every body that holds an unstorable character to the walk", () => {
    for (const text of ["Nitro\u0000", "a\udc00", "s\ud800x", "s\ud83d", "\udfff"]) {
      const body = bodyWith(text);
      expect(firstUnstorableCharacter(JSON.parse(body)), text).not.toBeNull();
      expect(mayHoldUnstorable(body), text).toBe(true);
    }
    // Escapes in either case, as any JSON writer may spell them.
    expect(mayHoldUnstorable('{"content":"x\\uDBFF"}')).toBe(true);
    expect(mayHoldUnstorable('{"content":"x\\u0000"}')).toBe(true);
  });

  it("spares an ordinary interaction the walk: emoji, accents, quotes", () => {
    expect(mayHoldUnstorable(bodyWith('🎉 Nitro — élève « ok » "quoted" C:\\temp'))).toBe(false);
  });

  it("walks when in doubt: a typed backslash-u, or an emoji written as escapes", () => {
    for (const body of [bodyWith("C:\\u0000"), '{"content":"\\ud83c\\udf89"}']) {
      expect(mayHoldUnstorable(body)).toBe(true);
      expect(firstUnstorableCharacter(JSON.parse(body))).toBeNull();
    }
  });
});
