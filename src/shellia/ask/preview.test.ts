import { describe, expect, it } from "vitest";
import { translatorFor } from "../../shared/i18n";
import { questionMessage } from "./preview";

const en = translatorFor("en");
const fr = translatorFor("fr");

describe("the questions /ask asks back", () => {
  it("says a fractional number is not taken, written as the operator writes numbers", () => {
    const fraction = { kind: "question", field: "percent", notWhole: 12.5 } as const;
    expect(questionMessage(fr, fraction, "fr")).toMatch(
      /^\*\*pourcentage\*\* ne prend que des nombres entiers : 12,5 n'en est pas un\. Quel pourcentage \(1 à 90 %\) \?/,
    );
    expect(questionMessage(en, fraction, "en")).toMatch(
      /^\*\*percent\*\* takes whole numbers only: 12\.5 is not one\. What percentage \(1–90 %\)\?/,
    );
  });
});
