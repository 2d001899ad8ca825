import type { TestProject } from "vitest/node";
import { serveLocalDiscord } from "../../scripts/local-discord/server";
import { listeningAs } from "./ports";

const KEY = Symbol.for("shellia-maxis.test.local-discord");
type Shared = { users: number; stop: () => Promise<void> };
const registry = globalThis as unknown as Record<symbol, Promise<Shared> | undefined>;

/**
 * Starts one local Discord API stand-in per test run, on the port the config chose
 * (`TEST_DISCORD_PORT`), for every project that lists this file.
 */
export default async function setup(_project: TestProject): Promise<() => Promise<void>> {
  registry[KEY] ??= listeningAs(
    "Discord API",
    ["TEST_DISCORD_PORT"],
    serveLocalDiscord(Number(process.env["TEST_DISCORD_PORT"])),
  ).then((discord) => ({ users: 0, stop: () => discord.close() }));
  let shared: Shared;
  try {
    shared = await registry[KEY];
  } catch (error) {
    registry[KEY] = undefined;
    throw error;
  }
  shared.users += 1;
  return async () => {
    shared.users -= 1;
    if (shared.users === 0) {
      registry[KEY] = undefined;
      await shared.stop();
    }
  };
}
