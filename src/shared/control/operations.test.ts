import { describe, expect, it } from "vitest";
import { parseExecuteOperation, splitOperationLine } from "./operations";

describe("parseExecuteOperation", () => {
  it.each([
    ["sync-commands", [], { name: "sync-commands" }],
    ["maintenance", ["on"], { name: "maintenance", on: true }],
    ["maintenance", ["OFF"], { name: "maintenance", on: false }],
    ["close-stale-tickets", ["30"], { name: "close-stale-tickets", days: 30 }],
    ["end-giveaway", ["g_abc123"], { name: "end-giveaway", id: "g_abc123" }],
    ["reroll", ["g_abc123"], { name: "reroll", id: "g_abc123", winners: null }],
    ["reroll", ["g_abc123", "3"], { name: "reroll", id: "g_abc123", winners: 3 }],
  ] as const)("accepts %s %j", (name, args, operation) => {
    expect(parseExecuteOperation(name, args)).toEqual({ ok: true, value: operation });
  });

  it.each([
    ["sync-commands", ["now"]],
    ["maintenance", []],
    ["maintenance", ["maybe"]],
    ["close-stale-tickets", ["0"]],
    ["close-stale-tickets", ["366"]],
    ["close-stale-tickets", ["-3"]],
    ["close-stale-tickets", ["30", "40"]],
    ["end-giveaway", []],
    ["end-giveaway", ["a;b"]],
    ["reroll", ["g1", "21"]],
    ["reroll", ["g1", "two"]],
  ] as const)("refuses %s %j with its usage", (name, args) => {
    expect(parseExecuteOperation(name, args)).toMatchObject({
      ok: false,
      error: { code: "invalid_arguments", operation: name },
    });
  });

  it("refuses anything not on the list", () => {
    expect(parseExecuteOperation("drop-database", [])).toEqual({
      ok: false,
      error: { code: "unknown_operation" },
    });
    expect(parseExecuteOperation("eval", ["1+1"])).toEqual({
      ok: false,
      error: { code: "unknown_operation" },
    });
  });

  it("splits what an operator typed", () => {
    expect(splitOperationLine("  Close-Stale-Tickets   30 ")).toEqual({
      name: "close-stale-tickets",
      args: ["30"],
    });
    expect(splitOperationLine("")).toEqual({ name: "", args: [] });
  });
});
