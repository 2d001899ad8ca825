/**
 * Shellia's bundle keeps only some message catalogues (src/shared/i18n/catalogs/index.ts): a message
 * key from a dropped catalogue, used anywhere in Shellia's code, would have no text at run time. This
 * bundles Shellia as `wrangler deploy` does and checks that no such key made it into the code.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { wranglerBuild } from "../../../scripts/lib/worker-bundle";
import { catalogues } from "../../../src/shared/i18n/catalogs";
import { ask } from "../../../src/shared/i18n/catalogs/ask";
import { controlAudit } from "../../../src/shared/i18n/catalogs/control-audit";
import { controlOperations } from "../../../src/shared/i18n/catalogs/control-operations";
import { core } from "../../../src/shared/i18n/catalogs/core";
import { interactions } from "../../../src/shared/i18n/catalogs/interactions";
import { shelliaControl } from "../../../src/shared/i18n/catalogs/shellia-control";

describe("Shellia's bundle", () => {
  it("only uses message keys of the catalogues it keeps", () => {
    const outdir = join(".build", "test", "shellia-catalogues");
    wranglerBuild(["--outdir", outdir, "-c", "wrangler.shellia.toml"]);
    const bundle = readFileSync(join(outdir, "index.js"), "utf8");
    const kept = new Set(
      [core, shelliaControl, controlAudit, controlOperations, interactions, ask].flatMap((c) =>
        Object.keys(c.en),
      ),
    );
    const dropped = catalogues.flatMap((c) => Object.keys(c.en)).filter((key) => !kept.has(key));
    expect(dropped.length).toBeGreaterThan(100);
    expect(dropped.filter((key) => bundle.includes(`"${key}"`))).toEqual([]);
    // The kept ones are really there (the bundle is not simply empty of messages).
    expect(bundle).toContain('"ask.preview.title"');
  }, 60_000);
});
