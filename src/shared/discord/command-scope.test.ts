import { describe, expect, it } from "vitest";
import { commandPaths, parseCommandScope } from "./command-scope";

describe("where commands are registered", () => {
  it("is global when no server is listed, and those servers otherwise (each once)", () => {
    expect(parseCommandScope("")).toEqual({ ok: true, value: { kind: "global" } });
    expect(parseCommandScope(" , ")).toEqual({ ok: true, value: { kind: "global" } });
    expect(parseCommandScope("130000000000000001, 130000000000000002,130000000000000001")).toEqual({
      ok: true,
      value: { kind: "guilds", guildIds: ["130000000000000001", "130000000000000002"] },
    });
  });

  it("names what is not a server id", () => {
    expect(parseCommandScope("130000000000000001,general")).toEqual({
      ok: false,
      error: '"general" is not a Discord server id (17 to 20 digits)',
    });
  });

  it("bulk-overwrites one place per server, or the global list: never both", () => {
    expect(commandPaths("42", { kind: "global" })).toEqual(["/applications/42/commands"]);
    expect(commandPaths("42", { kind: "guilds", guildIds: ["7", "8"] })).toEqual([
      "/applications/42/guilds/7/commands",
      "/applications/42/guilds/8/commands",
    ]);
  });
});
