import { PermissionFlagsBits } from "discord-api-types/payloads/v10";
import { describe, expect, it } from "vitest";
import { appRoleOf } from "./app-role";

const member = (permissions: bigint, roles: string[] = []) => ({ permissions: String(permissions), roles });

describe("appRoleOf", () => {
  it("makes administrators and server managers admins", () => {
    expect(appRoleOf(member(PermissionFlagsBits.Administrator), [])).toBe("admin");
    expect(appRoleOf(member(PermissionFlagsBits.ManageGuild), [])).toBe("admin");
  });

  it("makes holders of any of the server's staff roles agents", () => {
    expect(appRoleOf(member(0n, ["7"]), ["7"])).toBe("agent");
    expect(appRoleOf(member(0n, ["1", "9"]), ["7", "9"])).toBe("agent");
  });

  it("no longer makes Manage Messages alone staff", () => {
    expect(appRoleOf(member(PermissionFlagsBits.ManageMessages), [])).toBe("member");
    expect(appRoleOf(member(PermissionFlagsBits.ManageMessages, ["8"]), ["7"])).toBe("member");
  });

  it("leaves everyone else a member, including when the server has no staff roles", () => {
    expect(appRoleOf(member(PermissionFlagsBits.SendMessages, ["7"]), [])).toBe("member");
    expect(appRoleOf(member(0n, ["8"]), ["7"])).toBe("member");
    expect(appRoleOf(undefined, ["7"])).toBe("member");
  });
});
