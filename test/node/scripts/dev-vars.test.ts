import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readDevVars, writeDevVars } from "../../../scripts/lib/dev-vars";

describe(".dev.vars", () => {
  const targets = JSON.stringify([{ name: "maxis", binding: "MAXIS", keyId: "local", secret: "ab12" }]);

  it("keeps JSON values intact through any number of npm run dev restarts", () => {
    const path = join(mkdtempSync(join(tmpdir(), "dev-vars-")), ".dev.vars");
    writeDevVars({ MAXIS_TARGETS: targets, DISCORD_PUBLIC_KEY: "00ff" }, path);
    for (let run = 0; run < 3; run++) writeDevVars(readDevVars(path), path);
    expect(readDevVars(path)).toEqual({ MAXIS_TARGETS: targets, DISCORD_PUBLIC_KEY: "00ff" });
    expect(JSON.parse(readDevVars(path)["MAXIS_TARGETS"] ?? "")).toHaveLength(1);
    expect(readFileSync(path, "utf8")).toContain(`MAXIS_TARGETS='${targets}'`);
  });

  it("refuses a value it could not write back unchanged", () => {
    const path = join(mkdtempSync(join(tmpdir(), "dev-vars-")), ".dev.vars");
    expect(() => writeDevVars({ NAME: "it's" }, path)).toThrow(/NAME/);
  });
});
