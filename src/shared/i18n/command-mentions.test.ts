/**
 * A message that tells the reader which command to run names it as their Discord shows it: a French
 * reader's picker lists `/ticket créer`, not `/ticket create` (the dashboard's refusal page and the
 * inactivity reminder once said the English names in French).
 */
import { describe, expect, it } from "vitest";
import { en, fr, type MessageKey } from "./catalogs";

/** Every subcommand's English name → its French name, where they differ. */
function renamedSubcommands(): Map<string, string> {
  const renamed = new Map<string, string>();
  for (const key of Object.keys(en) as MessageKey[]) {
    if (!/^command\.[a-z_-]+\.[a-z_-]+\.name$/.test(key)) continue;
    if (en[key] !== fr[key]) renamed.set(en[key], fr[key]);
  }
  return renamed;
}

/** The subcommand names written after a command in `text` ("/ticket create …" → "create"). */
const mentionedSubcommands = (text: string) =>
  [...text.matchAll(/\/(?:ticket|ticket-staff|giveaway|giveaway-staff|setup) ([\p{L}-]+)/gu)].map(
    (m) => m[1] ?? "",
  );

describe("commands named in messages", () => {
  it("are written with French subcommand names in French", () => {
    const renamed = renamedSubcommands();
    expect(renamed.get("create")).toBe("créer");
    const wrong = (Object.keys(fr) as MessageKey[]).flatMap((key) =>
      mentionedSubcommands(fr[key])
        .filter((name) => renamed.has(name))
        .map((name) => `${key}: /… ${name} (${renamed.get(name)})`),
    );
    expect(wrong).toEqual([]);
  });
});
