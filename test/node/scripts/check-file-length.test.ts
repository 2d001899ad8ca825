import { describe, expect, it } from "vitest";
import { unexplainedLongFiles } from "../../../scripts/check-file-length";

const lines = (count: number, head: string[] = []) =>
  `${[...head, ...Array.from({ length: count - head.length }, (_, n) => `const a${n} = ${n};`)].join("\n")}\n`;

describe("unexplainedLongFiles", () => {
  it("reports a file over 300 lines that gives no reason, with its length", () => {
    expect(unexplainedLongFiles([["src/long.ts", lines(301)]])).toEqual(["src/long.ts (301 lines)"]);
  });

  it("lets a file of 300 lines pass, and a longer one that says why near its top", () => {
    const reason = ["/**", " * Over 300 lines: a catalogue, every text in English and in French.", " */"];
    expect(
      unexplainedLongFiles([
        ["src/short.ts", lines(300)],
        ["src/catalogue.ts", lines(400, reason)],
        ["admin-panel/src/styles/app.css", lines(350, ["/* Over 300 lines: one theme's tokens. */"])],
      ]),
    ).toEqual([]);
  });

  it("does not take a reason written far down the file", () => {
    const late = [...Array.from({ length: 25 }, () => "// …"), "// Over 300 lines: too late to be seen."];
    expect(unexplainedLongFiles([["src/late.ts", lines(320, late)]])).toEqual(["src/late.ts (320 lines)"]);
  });
});
