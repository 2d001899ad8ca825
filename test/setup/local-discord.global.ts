import type { TestProject } from "vitest/node";
import { serveLocalDiscord } from "../../scripts/local-discord/server";
import { listeningAs } from "./ports";
import { useSharedService } from "./shared-service";

/**
 * Starts one local Discord API stand-in per test run, on the port the config chose
 * (`TEST_DISCORD_PORT`), for every project that lists this file.
 */
export default async function setup(_project: TestProject): Promise<() => Promise<void>> {
  const { release } = await useSharedService(
    "local-discord",
    () =>
      listeningAs(
        "Discord API",
        ["TEST_DISCORD_PORT"],
        serveLocalDiscord(Number(process.env["TEST_DISCORD_PORT"])),
      ),
    (discord) => discord.close(),
  );
  return release;
}
