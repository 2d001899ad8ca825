import { PermissionFlagsBits } from "discord-api-types/payloads/v10";
import type { APIInteractionGuildMember } from "discord-api-types/v10";
import { describe, expect, it } from "vitest";
import { appRoleOf } from "./app-role";

const member = (permissions: bigint, roles: string[] = []) =>
  ({ permissions: String(permissions), roles }) as unknown as APIInteractionGuildMember;

describe("appRoleOf", () => {
  it("makes administrators and server managers admins", () => {
    expect(appRoleOf(member(PermissionFlagsBits.Administrator), "")).toBe("admin");
    expect(appRoleOf(member(PermissionFlagsBits.ManageGuild), "")).toBe("admin");
  });

  it("makes holders of the staff role, or of Manage Messages, agents", () => {
    expect(appRoleOf(member(0n, ["7"]), "7")).toBe("agent");
    expect(appRoleOf(member(PermissionFlagsBits.ManageMessages), "")).toBe("agent");
  });

  it("leaves everyone else a member, including when no staff role is configured", () => {
    expect(appRoleOf(member(PermissionFlagsBits.SendMessages, ["7"]), "")).toBe("member");
    expect(appRoleOf(member(0n, ["8"]), "7")).toBe("member");
    expect(appRoleOf(undefined, "7")).toBe("member");
  });
});
