/**
 * .dev.vars.example lists every variable and secret the two Workers read: their generated Env types
 * and wrangler files ([vars], [secrets] required) on one side, the example on the other.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { unstable_readConfig } from "wrangler";

/** Names a Worker reads that its generated Env cannot show: alternatives to a required secret. */
const ALTERNATIVE_SECRETS = ["SUPABASE_JWT_SECRET"];
/** Names only local tooling reads (npm run interact). */
const LOCAL_TOOLING = ["DEV_DISCORD_PRIVATE_KEY"];

/** The string-valued fields of a generated `interface __BaseEnv_…` (bindings such as Durable Objects excluded). */
function envTypeStrings(path: string): string[] {
  const source = readFileSync(path, "utf8");
  const body = /interface __BaseEnv_\w+ \{([^}]*)\}/.exec(source)?.[1] ?? "";
  return [...body.matchAll(/^\s*(\w+): string;$/gm)].map((match) => match[1] ?? "");
}

function wranglerNames(configPath: string): string[] {
  const config = unstable_readConfig({ config: configPath });
  return [...Object.keys(config.vars), ...(config.secrets?.required ?? [])];
}

/** `NAME=` lines of the example, commented-out ones included (documented alternatives). */
function exampleNames(): string[] {
  const text = readFileSync(".dev.vars.example", "utf8");
  return [...text.matchAll(/^(?:#\s*)?([A-Z][A-Z0-9_]*)=/gm)].map((match) => match[1] ?? "");
}

describe(".dev.vars.example", () => {
  const workers = {
    maxis: { config: "wrangler.maxis.toml", types: "src/maxis/worker-configuration.d.ts" },
    shellia: { config: "wrangler.shellia.toml", types: "src/shellia/worker-configuration.d.ts" },
  };

  it.each(Object.entries(workers))("lists every variable and secret %s reads", (_name, worker) => {
    const read = new Set([...envTypeStrings(worker.types), ...wranglerNames(worker.config)]);
    expect(read.size).toBeGreaterThan(1);
    const missing = [...read].filter((name) => !exampleNames().includes(name));
    expect(missing).toEqual([]);
  });

  it("lists nothing that no Worker reads", () => {
    const read = new Set([
      ...Object.values(workers).flatMap((worker) => [
        ...envTypeStrings(worker.types),
        ...wranglerNames(worker.config),
      ]),
      ...ALTERNATIVE_SECRETS,
      ...LOCAL_TOOLING,
    ]);
    expect(exampleNames().filter((name) => !read.has(name))).toEqual([]);
  });

  it("keeps each JSON secret on one line, as `wrangler secret put` needs it", () => {
    const text = readFileSync(".dev.vars.example", "utf8");
    for (const name of ["CONTROL_KEYS", "MAXIS_TARGETS", "SUPABASE_JWT_SIGNING_KEY"]) {
      const line = new RegExp(`^${name}='(.*)'$`, "m").exec(text)?.[1];
      expect(() => JSON.parse(line ?? ""), name).not.toThrow();
    }
  });
});
