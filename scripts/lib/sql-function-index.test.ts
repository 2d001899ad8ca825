import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { indexFunctions, readMigrations, renderIndex, withIndex } from "./sql-function-index";

describe("the SQL function index", () => {
  it("points at the migration that last redefined a function, and forgets dropped ones", () => {
    const index = indexFunctions([
      {
        file: "1.sql",
        text: "create function public.a(x int) returns int\ncreate function app.b() returns void",
      },
      { file: "2.sql", text: "-- create function public.c()\ncreate or replace function public.a(x int)" },
      { file: "3.sql", text: "drop function if exists app.b();" },
    ]);
    expect(index).toEqual([{ name: "public.a", migration: "2.sql" }]);
  });

  it("in ARCHITECTURE.md is current (run `npm run docs:sql` after adding a function)", () => {
    const document = readFileSync("ARCHITECTURE.md", "utf8");
    const current = renderIndex(indexFunctions(readMigrations("supabase/migrations")));
    expect(withIndex(document, current)).toBe(document);
  });
});
