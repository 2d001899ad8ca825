import { describe, expect, it } from "vitest";
import { describeCycle, folderCycles } from "./folder-cycles";

describe("folderCycles", () => {
  it("finds two sibling folders that import each other, with the imports that make it", () => {
    const cycles = folderCycles([
      ["src/maxis/shop/command.ts", "src/maxis/payments/shop-buttons.ts"],
      ["src/maxis/payments/buy-button.ts", "src/maxis/shop/service.ts"],
      ["src/maxis/payments/buy-button.ts", "src/shared/i18n/index.ts"],
    ]);
    expect(cycles).toEqual([
      {
        path: ["src/maxis/payments", "src/maxis/shop", "src/maxis/payments"],
        because: [
          ["src/maxis/payments/buy-button.ts", "src/maxis/shop/service.ts"],
          ["src/maxis/shop/command.ts", "src/maxis/payments/shop-buttons.ts"],
        ],
        tangled: ["src/maxis/payments", "src/maxis/shop"],
      },
    ]);
    expect(describeCycle(cycles[0] ?? { path: [], because: [], tangled: [] })).toBe(
      [
        "Import cycle between folders: src/maxis/payments → src/maxis/shop → src/maxis/payments",
        "  src/maxis/payments/buy-button.ts imports src/maxis/shop/service.ts",
        "  src/maxis/shop/command.ts imports src/maxis/payments/shop-buttons.ts",
      ].join("\n"),
    );
  });

  it("finds a longer cycle and names every folder tangled in it", () => {
    const [cycle, ...others] = folderCycles([
      ["a/x.ts", "b/y.ts"],
      ["b/y.ts", "c/z.ts"],
      ["c/z.ts", "a/w.ts"],
      ["b/y.ts", "a/v.ts"],
    ]);
    expect(others).toEqual([]);
    expect(cycle?.path).toEqual(["a", "b", "a"]);
    expect(cycle?.tangled).toEqual(["a", "b", "c"]);
    expect(describeCycle(cycle ?? { path: [], because: [], tangled: [] })).toContain(
      "(folders tangled with it: a, b, c)",
    );
  });

  it("lets a folder and its subfolders import each other: they are one feature", () => {
    expect(
      folderCycles([
        ["src/maxis/tickets/index.ts", "src/maxis/tickets/commands/close.ts"],
        ["src/maxis/tickets/commands/close.ts", "src/maxis/tickets/rpc.ts"],
        ["src/maxis/index.ts", "src/maxis/tickets/index.ts"],
        ["src/maxis/tickets/panel/panel-click.ts", "src/maxis/identity.ts"],
      ]),
    ).toEqual([]);
  });

  it("counts subfolders of different features as folders of their own", () => {
    const cycles = folderCycles([
      ["src/maxis/tickets/commands/close.ts", "src/maxis/tickets/panel/panel-message.ts"],
      ["src/maxis/tickets/panel/panel-click.ts", "src/maxis/tickets/commands/context.ts"],
      ["src/maxis/tickets/automation/pass.ts", "src/maxis/tickets/commands/context.ts"],
    ]);
    expect(cycles.map((cycle) => cycle.path)).toEqual([
      ["src/maxis/tickets/commands", "src/maxis/tickets/panel", "src/maxis/tickets/commands"],
    ]);
  });

  it("finds nothing in a graph without cycles", () => {
    expect(
      folderCycles([
        ["src/maxis/payments/buy-button.ts", "src/maxis/shop/service.ts"],
        ["src/maxis/shop/service.ts", "src/shared/result.ts"],
        ["src/maxis/payments/ledger.ts", "src/shared/result.ts"],
      ]),
    ).toEqual([]);
  });
});
