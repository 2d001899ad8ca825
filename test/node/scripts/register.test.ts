import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import type {
  APIApplicationCommandOption,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord-api-types/v10";
import { describe, expect, inject, it } from "vitest";
import type { RecordedRequest } from "../../../scripts/local-discord/server";

const run = promisify(execFile);
const local = inject("discordLocalUrl");

async function register(args: string[], env: Record<string, string> = {}) {
  const { MAXIS_DISCORD_BOT_TOKEN: _a, SHELLIA_DISCORD_BOT_TOKEN: _b, ...base } = process.env;
  return run("tsx", ["scripts/register.ts", ...args], { env: { ...base, ...env } });
}

type Command = RESTPostAPIChatInputApplicationCommandsJSONBody;

/** Discord's rule for command and option names, in every locale. */
const NAME = /^[-_\p{L}\p{N}]{1,32}$/u;

const everyOption = (options: readonly APIApplicationCommandOption[] = []): APIApplicationCommandOption[] =>
  options.flatMap((o) => [o, ...("options" in o && o.options ? everyOption(o.options) : [])]);

const dryRuns = new Map<string, Promise<Command[]>>();
/** Each Worker's `--dry-run` output, run once for every test that reads it. */
function dryRun(worker: "maxis" | "shellia"): Promise<Command[]> {
  const run =
    dryRuns.get(worker) ??
    register([worker, "--dry-run"]).then(({ stdout }) => JSON.parse(stdout) as Command[]);
  dryRuns.set(worker, run);
  return run;
}

/** A copy of wrangler.maxis.toml with another COMMAND_GUILD_IDS, as an operator would edit it. */
function maxisConfigWith(guildIds: string): string {
  const path = join(mkdtempSync(join(tmpdir(), "register-")), "wrangler.maxis.toml");
  const toml = readFileSync("wrangler.maxis.toml", "utf8").replace(
    /^COMMAND_GUILD_IDS = ".*"$/m,
    `COMMAND_GUILD_IDS = "${guildIds}"`,
  );
  writeFileSync(path, toml);
  return path;
}

const recorded = async () => (await (await fetch(`${local}/__local/requests`)).json()) as RecordedRequest[];

describe("the commands as Discord shows them (--dry-run)", () => {
  it.each(["maxis", "shellia"] as const)(
    "%s: every command is installed to servers and used in servers only",
    async (worker) => {
      for (const command of await dryRun(worker)) {
        expect(command.integration_types, command.name).toEqual([0]); // GUILD_INSTALL
        expect(command.contexts, command.name).toEqual([0]); // GUILD
      }
    },
  );

  it.each(["maxis", "shellia"] as const)(
    "%s: every subcommand and option has a French name and description",
    async (worker) => {
      const options = (await dryRun(worker)).flatMap((c) => everyOption(c.options));
      expect(options.length).toBeGreaterThan(0);
      for (const option of options) {
        const french = option.name_localizations?.fr ?? "";
        expect(french, option.name).toMatch(NAME);
        expect(french, option.name).toBe(french.toLowerCase());
        expect(option.description_localizations?.fr?.length, option.name).toBeGreaterThan(0);
      }
      const names = options.map((o) => `${o.name}→${o.name_localizations?.fr}`);
      if (worker === "shellia")
        expect(names).toEqual(expect.arrayContaining(["plan→offre", "channel→salon"]));
      else expect(names).toEqual(expect.arrayContaining(["prize→lot", "subject→sujet"]));
    },
  );

  it("hides exactly the staff-only commands from members", async () => {
    const permissions = Object.fromEntries(
      [...(await dryRun("maxis")), ...(await dryRun("shellia"))].map((c) => [
        c.name,
        c.default_member_permissions ?? null,
      ]),
    );
    expect(permissions).toEqual({
      ping: null,
      giveaway: null,
      "giveaway-staff": String(1n << 5n), // Manage Server
      shop: null,
      // Every member's own plans.
      subscription: null,
      ticket: null,
      "ticket-staff": String(1n << 5n),
      setup: String(1n << 5n), // Manage Server
      maxis: String(1n << 3n), // Administrator
      ask: String(1n << 3n), // Administrator, like /maxis
    });
  });

  it("offers Maxis's servers, plans and channels to /maxis promo and giveaway as you type", async () => {
    const [maxis] = await dryRun("shellia");
    const options = everyOption(maxis?.options);
    for (const name of ["plan", "channel"]) {
      expect(options.find((o) => o.name === name)).toMatchObject({
        type: 3,
        required: true,
        autocomplete: true,
      });
    }
    // The promotion's server is optional (Maxis's home server): Discord wants it after the required ones.
    const promo = maxis?.options?.find((o) => o.name === "promo") as
      | { options?: { name: string; required?: boolean }[] }
      | undefined;
    const promoOptions = promo?.options ?? [];
    const lastRequired = promoOptions.findLastIndex((o) => o.required);
    expect(promoOptions.findIndex((o) => o.name === "server")).toBeGreaterThan(lastRequired);
    expect(options.find((o) => o.name === "server")).toMatchObject({ type: 3, autocomplete: true });
    expect(options.find((o) => o.name === "server")).not.toHaveProperty("required", true);
  });
});

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

describe("where Maxis's commands go (COMMAND_GUILD_IDS)", () => {
  const env = (applicationId: string) => ({
    MAXIS_DISCORD_APPLICATION_ID: applicationId,
    MAXIS_DISCORD_BOT_TOKEN: "local-bot-token",
    DISCORD_API_BASE: `${local}/api/v10`,
  });

  it("registers in each configured server, and clears the global commands so nothing shows twice", async () => {
    const [a, b] = ["1300000000000008881", "1300000000000008882"];
    const app = "1300000000000000881";
    const { stdout } = await register(["maxis", "--config", maxisConfigWith(`${a}, ${b}`)], env(app));
    expect(stdout).toContain(`for server ${a}`);
    expect(stdout).toContain(`for server ${b}`);
    const puts = (await recorded()).filter(
      (r) => r.method === "PUT" && r.path.startsWith(`/applications/${app}/`),
    );
    expect(puts.map((r) => r.path).sort()).toEqual([
      `/applications/${app}/commands`,
      `/applications/${app}/guilds/${a}/commands`,
      `/applications/${app}/guilds/${b}/commands`,
    ]);
    expect(puts.find((r) => r.path === `/applications/${app}/commands`)?.body).toEqual([]);
    expect(puts.find((r) => r.path.includes(a))?.body).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: "ticket-staff" })]),
    );
  });

  it("registers globally when none is configured, and nowhere else", async () => {
    const app = "1300000000000000882";
    await register(["maxis", "--config", maxisConfigWith("")], env(app));
    const puts = (await recorded()).filter(
      (r) => r.method === "PUT" && r.path.startsWith(`/applications/${app}/`),
    );
    expect(puts.map((r) => r.path)).toEqual([`/applications/${app}/commands`]);
    expect(puts[0]?.body).toEqual(expect.arrayContaining([expect.objectContaining({ name: "ping" })]));
  });

  it("refuses --guild for a server Maxis would not re-sync, and a malformed list", async () => {
    const other = "1300000000000008883";
    await expect(
      register(["maxis", "--guild", other, "--config", maxisConfigWith("1300000000000008881")]),
    ).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining("is not in COMMAND_GUILD_IDS") });
    await expect(
      register(["maxis", "--guild", other, "--config", maxisConfigWith("")]),
    ).rejects.toMatchObject({
      code: 2,
    });
    await expect(register(["maxis", "--config", maxisConfigWith("general")])).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining("not a Discord server id"),
    });
  });
});
