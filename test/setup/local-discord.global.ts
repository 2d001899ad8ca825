import type { TestProject } from "vitest/node";
import { serveLocalDiscord } from "../../scripts/local-discord/server";

const KEY = Symbol.for("shellia-maxis.test.local-discord");
type Shared = { users: number; stop: () => Promise<void> };
const registry = globalThis as unknown as Record<symbol, Promise<Shared> | undefined>;

/**
 * Starts one local Discord API stand-in per test run, on the port the config chose
 * (`TEST_DISCORD_PORT`), for every project that lists this file.
 */
export default async function setup(_project: TestProject): Promise<() => Promise<void>> {
  registry[KEY] ??= serveLocalDiscord(Number(process.env["TEST_DISCORD_PORT"])).then((discord) => ({
    users: 0,
    stop: () => discord.close(),
  }));
  const shared = await registry[KEY];
  shared.users += 1;
  return async () => {
    shared.users -= 1;
    if (shared.users === 0) {
      registry[KEY] = undefined;
      await shared.stop();
    }
  };
}
