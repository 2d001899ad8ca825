import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, inject, it } from "vitest";
import type { RecordedRequest } from "../../../scripts/local-discord/server";

const run = promisify(execFile);
const local = inject("discordLocalUrl");

async function register(args: string[], env: Record<string, string> = {}) {
  const { MAXIS_DISCORD_BOT_TOKEN: _a, SHELLIA_DISCORD_BOT_TOKEN: _b, ...base } = process.env;
  return run("tsx", ["scripts/register.ts", ...args], { env: { ...base, ...env } });
}

describe("npm run register", () => {
  it("prints the command JSON and exits 0 when no token is configured", async () => {
    const { stdout, stderr } = await register(["maxis"]);
    const commands = JSON.parse(stdout) as { name: string; description_localizations: { fr: string } }[];
    expect(commands.map((c) => c.name)).toContain("ping");
    expect(commands.every((c) => c.description_localizations.fr.length > 0)).toBe(true);
    expect(stderr).toMatch(/MAXIS_DISCORD_BOT_TOKEN/);
  });

  it("bulk-overwrites a guild's commands through Discord's REST API", async () => {
    const guild = "1300000000000009999";
    const { stdout } = await register(["shellia", "--guild", guild], {
      SHELLIA_DISCORD_APPLICATION_ID: "1300000000000000777",
      SHELLIA_DISCORD_BOT_TOKEN: "local-bot-token",
      DISCORD_API_BASE: `${local}/api/v10`,
    });
    expect(stdout).toMatch(/Registered \d+ shellia command\(s\) for server 1300000000000009999/);
    const requests = (await (await fetch(`${local}/__local/requests`)).json()) as RecordedRequest[];
    const put = requests.find((r) => r.path === `/applications/1300000000000000777/guilds/${guild}/commands`);
    expect(put?.method).toBe("PUT");
    expect(put?.authorization).toBe("Bot local-bot-token");
    expect(put?.body).toEqual(expect.arrayContaining([expect.objectContaining({ name: "maxis" })]));
  });

  it("refuses a malformed guild id and an unknown worker", async () => {
    await expect(register(["maxis", "--guild", "abc"])).rejects.toMatchObject({ code: 2 });
    await expect(register(["nobody"])).rejects.toMatchObject({ code: 2 });
  });
});
