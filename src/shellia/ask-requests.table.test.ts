import type { APIApplicationCommandSubcommandOption } from "discord-api-types/v10";
import { describe, expect, it } from "vitest";
import { type ActionDraft, actionSpecs } from "./ask/actions";
import { parseRequest } from "./ask/parser/parse";
import { ROWS, type Row } from "./ask/requests.table";
import { type Choice, resolveDrafts } from "./ask/resolve";
import { maxis } from "./commands/maxis";

const specs = actionSpecs((maxis.data.options ?? []) as APIApplicationCommandSubcommandOption[]);
const NOW = Date.parse("2026-12-01T10:00:00Z");
const CHOICES: Record<string, Choice[]> = {
  plan: [
    { name: "Basic (basic)", value: "basic" },
    { name: "Pro (pro)", value: "pro" },
    { name: "Premium (premium)", value: "premium" },
    { name: "Lifetime (lifetime)", value: "lifetime" },
  ],
  channel: [
    { name: "#general", value: "1300000000000000020" },
    { name: "#annonces", value: "1300000000000000021" },
    { name: "#announcements", value: "1300000000000000021" },
    { name: "#giveaways", value: "1300000000000000022" },
  ],
};

/** What the built-in parser and the shared checks make of one request, in the table's terms. */
async function understand(row: Row) {
  const targets = row.targets ?? ["maxis"];
  const parsed = parseRequest(row.text, { targets, now: NOW, timeZone: "Europe/Paris" });
  if (parsed.kind !== "drafts") return parsed.kind === "question" ? { question: parsed.field } : "refusal";
  const resolved = await resolveDrafts(parsed.drafts as ActionDraft[], {
    specs,
    targets,
    operator: { id: "1300000000000000333", name: "sam" },
    locale: "en",
    choices: async (_target, field) => CHOICES[field] ?? null,
  });
  if (resolved.kind === "question") return { question: resolved.field };
  if (resolved.kind === "refusal") return "refusal";
  return { actions: resolved.actions.map((a) => [a.proposal.action, a.proposal.options]) };
}

/** JSON with object keys sorted, so option order does not matter. */
const canonical = (value: unknown) =>
  JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );

describe("the built-in parser, on the table of requests", () => {
  it(`understands at least 95 % of ${ROWS.length} requests`, async () => {
    const misses: string[] = [];
    for (const row of ROWS) {
      const got = await understand(row);
      if (canonical(got) !== canonical(row.expected)) {
        misses.push(
          `  ${row.text}\n    expected ${JSON.stringify(row.expected)}\n    got      ${JSON.stringify(got)}`,
        );
      }
    }
    const accuracy = (ROWS.length - misses.length) / ROWS.length;
    console.log(
      `/ask built-in parser: ${ROWS.length - misses.length}/${ROWS.length} requests understood (${(accuracy * 100).toFixed(1)} %)` +
        (misses.length ? `\nMisunderstood:\n${misses.join("\n")}` : ""),
    );
    expect(ROWS.length).toBeGreaterThanOrEqual(150);
    expect(accuracy).toBeGreaterThanOrEqual(0.95);
  });

  // The 95 % allowance is for phrasings the parser may not know yet, not for defects once fixed.
  it.each(ROWS.filter((row) => row.regression).map((row) => [row.text, row] as const))(
    "understands %j exactly",
    async (_text, row) => {
      expect(canonical(await understand(row)), row.regression).toBe(canonical(row.expected));
    },
  );
});
