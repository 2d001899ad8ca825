/**
 * parse_locale through parse_choice (20261206020000) answers exactly as the body it replaces: the same
 * value, or the same error (SQLSTATE, code, detail), for null, every locale, and garbage. A database
 * at the schema before the migration answers first, then the same database after it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { oldSchemaDatabase } from "./old-schema";

const old = oldSchemaDatabase("parse_locale_upgrade", "20261206020000");

const INPUTS: (string | null)[] = [
  null,
  "",
  "en",
  "fr",
  "EN",
  "Fr",
  " en",
  "fr ",
  "de",
  "en-US",
  "fr_FR",
  "english",
  "en,fr",
  "{en,fr}",
  "'; drop table public.tickets; --",
  "\t",
  "é",
  "🇫🇷",
  "x".repeat(10_000),
];

type Answer = { value: string | null } | { error: { sqlstate: string; code: string; detail: string } };

async function answers(): Promise<Answer[]> {
  const out: Answer[] = [];
  for (const input of INPUTS) {
    try {
      const { rows } = await old.db.query<{ value: string | null }>(
        "select tickets_private.parse_locale($1) as value",
        [input],
      );
      out.push({ value: rows[0]?.value ?? null });
    } catch (error) {
      const e = error as { code: string; message: string; detail: string };
      out.push({ error: { sqlstate: e.code, code: e.message, detail: e.detail } });
    }
  }
  return out;
}

beforeAll(() => old.create());
afterAll(() => old.drop());

describe("parse_locale through parse_choice", () => {
  it("answers every input, null and garbage included, exactly as before", async () => {
    const before = await answers();
    await old.upgrade();
    const body = await old.db.query<{ src: string }>(
      "select prosrc as src from pg_proc where oid = 'tickets_private.parse_locale(text)'::regprocedure",
    );
    expect(body.rows[0]?.src).toContain("parse_choice");
    expect(await answers()).toEqual(before);
    // What the answers are, so that "the same" cannot mean "both broken".
    expect(before.slice(0, 5)).toEqual([
      { error: { sqlstate: "P0001", code: "invalid_locale", detail: "Languages: en, fr." } },
      { error: { sqlstate: "P0001", code: "invalid_locale", detail: "Languages: en, fr." } },
      { value: "en" },
      { value: "fr" },
      { error: { sqlstate: "P0001", code: "invalid_locale", detail: "Languages: en, fr." } },
    ]);
    expect(before.filter((a) => "value" in a)).toHaveLength(2);
  });
});
