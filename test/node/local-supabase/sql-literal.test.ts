import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sqlLiteral } from "../../../scripts/local-supabase/rest/sql-literal";
import { supabase } from "./support";

/** Texts a request can carry into the stand-in's SQL: headers, claims, bodies. */
const tricky = [
  "",
  "plain",
  "it's",
  "''",
  "'; drop table tickets; --",
  "C:\\path\\to",
  "\\'",
  "'\\",
  "\\\\'\\",
  "E'x'",
  "ligne 1\nligne 2\r\n\ttab",
  "Crème brûlée — 4,99 €",
  "🎟️ ticket 𝔘",
  '{"authorization":"Bearer a.b.c","user-agent":"it\'s \\"quoted\\""}',
];

/** A deterministic mix of quotes, backslashes and ordinary characters. */
function* mixed(count: number) {
  const alphabet = ["'", "\\", "a", "é", " ", '"', "E", "\n", "€"];
  let seed = 7;
  for (let i = 0; i < count; i++) {
    let text = "";
    for (let j = 0; j < i % 40; j++) {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      text += alphabet[seed % alphabet.length];
    }
    yield text;
  }
}

describe("sqlLiteral", () => {
  it("writes every text exactly as node-postgres's escapeLiteral does", () => {
    for (const text of [...tricky, ...mixed(500)]) expect(sqlLiteral(text)).toBe(pg.escapeLiteral(text));
  });

  describe("in PostgreSQL", () => {
    let db: pg.Client;
    beforeAll(async () => {
      db = new pg.Client({ connectionString: supabase().databaseUrl });
      await db.connect();
    });
    afterAll(() => db.end());

    it("reads back the very text it was given", async () => {
      const texts = [...tricky, ...mixed(60)];
      const sql = `select ${texts.map((text, i) => `${sqlLiteral(text)} as t${i}`).join(", ")}`;
      const { rows } = await db.query<Record<string, string>>(sql);
      expect(texts.map((_, i) => rows[0]?.[`t${i}`])).toEqual(texts);
    });
  });
});
