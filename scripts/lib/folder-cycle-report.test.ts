import { describe, expect, it } from "vitest";
import { cycleKey, describeFolderCycle, stepImports } from "./folder-cycle-report";

const imports = [
  ["src/maxis/shop/service.ts", "src/shared/result.ts"],
  ["src/maxis/shop/command.ts", "src/maxis/payments/shop-buttons.ts"],
  ["src/maxis/payments/stripe/api.ts", "src/maxis/shop/types.ts"],
  ["src/maxis/tickets/commands/close.ts", "src/maxis/tickets/rpc.ts"],
] as const;

describe("folder cycle report", () => {
  it("names one import for each step, from a file anywhere under the folder to one directly in the next", () => {
    expect(stepImports(["src/maxis/payments", "src/maxis/shop", "src/maxis/payments"], imports)).toEqual([
      ["src/maxis/payments/stripe/api.ts", "src/maxis/shop/types.ts"],
      ["src/maxis/shop/command.ts", "src/maxis/payments/shop-buttons.ts"],
    ]);
  });

  it("writes a cycle the same way whichever folder dependency-cruiser started it from", () => {
    expect(cycleKey(["b", "c", "a", "b"])).toBe("a → b → c → a");
    expect(cycleKey(["a", "b", "c", "a"])).toBe("a → b → c → a");
  });

  it("prints the cycle, then the imports that make it, in the cycle's order", () => {
    expect(describeFolderCycle(["src/maxis/shop", "src/maxis/payments", "src/maxis/shop"], imports)).toBe(
      [
        "Import cycle between folders: src/maxis/payments → src/maxis/shop → src/maxis/payments",
        "  src/maxis/payments/stripe/api.ts imports src/maxis/shop/types.ts",
        "  src/maxis/shop/command.ts imports src/maxis/payments/shop-buttons.ts",
      ].join("\n"),
    );
  });
});
