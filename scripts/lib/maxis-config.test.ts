import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { MAXIS_WRANGLER_CONFIG, maxisRuntime, readWorkerRuntime } from "./maxis-config";

const dir = mkdtempSync(join(tmpdir(), "maxis-config-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("Maxis's runtime settings for Miniflare", () => {
  it("are wrangler.maxis.toml's: its compatibility date, flags and every Durable Object binding", () => {
    const toml = readFileSync(MAXIS_WRANGLER_CONFIG, "utf8");
    const runtime = maxisRuntime();
    expect(runtime.compatibilityDate).toBe(/^compatibility_date = "([^"]+)"/m.exec(toml)?.[1]);
    expect(runtime.compatibilityFlags).toContain("nodejs_compat");
    const bound = [...toml.matchAll(/^\[\[durable_objects\.bindings\]\]\nname = "(\w+)"/gm)].map((m) => m[1]);
    expect(Object.keys(runtime.durableObjects).sort()).toEqual(bound.sort());
    expect(runtime.durableObjects["CONTROL_STATE"]).toEqual({
      className: "ControlStateStore",
      useSQLite: true,
    });
  });

  it("pick up a Durable Object class added to the file, SQLite-backed only when its migration says so", () => {
    const path = join(dir, "wrangler.toml");
    writeFileSync(
      path,
      [
        readFileSync(MAXIS_WRANGLER_CONFIG, "utf8").replace(
          /^compatibility_date = .*$/m,
          'compatibility_date = "2026-10-15"',
        ),
        '[[durable_objects.bindings]]\nname = "RATE_LIMITS"\nclass_name = "RateLimiter"',
        '[[durable_objects.bindings]]\nname = "LEGACY"\nclass_name = "LegacyStore"',
        '[[durable_objects.bindings]]\nname = "ELSEWHERE"\nclass_name = "Other"\nscript_name = "other-worker"',
        '[[migrations]]\ntag = "test-rate-limits"\nnew_sqlite_classes = ["RateLimiter"]',
        '[[migrations]]\ntag = "test-legacy"\nnew_classes = ["LegacyStore"]',
      ].join("\n\n"),
    );
    const runtime = readWorkerRuntime(path);
    expect(runtime.compatibilityDate).toBe("2026-10-15");
    expect(runtime.durableObjects["RATE_LIMITS"]).toEqual({ className: "RateLimiter", useSQLite: true });
    expect(runtime.durableObjects["LEGACY"]).toEqual({ className: "LegacyStore", useSQLite: false });
    // Another Worker's class is that Worker's to run.
    expect(runtime.durableObjects["ELSEWHERE"]).toBeUndefined();
    expect(runtime.durableObjects["GIVEAWAYS"]).toEqual({ className: "GiveawayObject", useSQLite: true });
  });
});
