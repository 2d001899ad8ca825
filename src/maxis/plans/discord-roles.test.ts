import type { APIRole } from "discord-api-types/v10";
import { describe, expect, it } from "vitest";
import { grantableRoles } from "./discord-roles";

const role = (id: string, name: string, position: number, managed = false) =>
  ({ id, name, position, managed, color: 0, hoist: false, permissions: "0", mentionable: false }) as APIRole;

describe("grantableRoles", () => {
  it("keeps the roles a plan can grant, highest first: not @everyone, not those Discord manages", () => {
    const guild = "1300000000000000010";
    const roles = [
      role(guild, "@everyone", 0),
      role("1300000000000000071", "Basic", 1),
      role("1300000000000000099", "Maxis", 5, true),
      role("1300000000000000072", "Pro", 2),
    ];
    expect(grantableRoles(guild, roles).map((r) => r.name)).toEqual(["Pro", "Basic"]);
  });
});
