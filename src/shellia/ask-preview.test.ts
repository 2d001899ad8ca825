import type { APIApplicationCommandSubcommandOption } from "discord-api-types/v10";
import { describe, expect, it } from "vitest";
import { translatorFor } from "../shared/i18n";
import { actionSpecs } from "./ask/actions";
import { questionMessage, refusalMessage } from "./ask/preview";
import { maxis } from "./commands/maxis";

const specs = actionSpecs((maxis.data.options ?? []) as APIApplicationCommandSubcommandOption[]);
const en = translatorFor("en");
const fr = translatorFor("fr");

describe("the questions /ask asks back", () => {
  it("names an option out of range as the operator's Discord names it", () => {
    const percent = { kind: "question", field: "percent", min: 1, max: 90 } as const;
    expect(questionMessage(fr, percent, "fr")).toMatch(
      /^\*\*pourcentage\*\* doit être entre 1 et 90\. Quel pourcentage/,
    );
    expect(questionMessage(fr, { kind: "question", field: "winners", min: 1, max: 20 }, "fr")).toMatch(
      /^\*\*gagnants\*\* doit être entre 1 et 20\. Combien de gagnants/,
    );
    expect(questionMessage(en, percent, "en")).toMatch(/^\*\*percent\*\* must be between 1 and 90\./);
  });

  it("says a fractional number is not taken, written as the operator writes numbers", () => {
    const fraction = { kind: "question", field: "percent", notWhole: 12.5 } as const;
    expect(questionMessage(fr, fraction, "fr")).toMatch(
      /^\*\*pourcentage\*\* ne prend que des nombres entiers : 12,5 n'en est pas un\. Quel pourcentage \(1 à 90 %\) \?/,
    );
    expect(questionMessage(en, fraction, "en")).toMatch(
      /^\*\*percent\*\* takes whole numbers only: 12\.5 is not one\. What percentage \(1–90 %\)\?/,
    );
  });

  it("gives English examples in English", () => {
    expect(questionMessage(en, { kind: "question", field: "duration" }, "en")).toBe(
      "For how long (e.g. `48h`, `2 days`, `until Friday 18:00`)? Nothing ran; ask again with the answer in your request.",
    );
  });
});

describe("the refusal", () => {
  it("lists the /maxis subcommands as the operator's Discord names them", () => {
    const french = refusalMessage(fr, "out_of_scope", specs);
    expect(french).toContain("• Tout de suite (lecture seule) : statut, statistiques, rapport.");
    expect(french).toContain("• Après votre confirmation : promo, concours, redémarrer, exécuter (");
    const english = refusalMessage(en, "out_of_scope", specs);
    expect(english).toContain("• At once (read-only): status, analytics, report.");
    expect(english).toContain("• After your confirmation: promo, giveaway, restart, execute (");
    expect(refusalMessage(fr, "operation", specs)).toMatch(
      /^Cette opération n'est pas dans la liste autorisée d'`exécuter` : `sync-commands`/,
    );
  });
});
