import { PermissionFlagsBits } from "discord-api-types/payloads/v10";
import { describe, expect, it } from "vitest";
import { holdsAdminRole, holdsStaffRole } from "./staff-author";

const settings = {
  staffRoleIds: ["10"],
  categories: [{ staffRoleIds: ["20"] } as never, { staffRoleIds: [] } as never],
};

describe("who writes as staff in a ticket thread", () => {
  it("holders of the server's or a category's staff roles", () => {
    expect(holdsStaffRole(settings, ["10"])).toBe(true);
    expect(holdsStaffRole(settings, ["5", "20"])).toBe(true);
    expect(holdsStaffRole(settings, ["5"])).toBe(false);
    expect(holdsStaffRole({ staffRoleIds: [], categories: [] }, ["10"])).toBe(false);
  });

  it("holders of a role giving Administrator or Manage Server", () => {
    const roles = [
      { id: "1", permissions: String(PermissionFlagsBits.ManageGuild) },
      { id: "2", permissions: String(PermissionFlagsBits.Administrator) },
      { id: "3", permissions: String(PermissionFlagsBits.ManageMessages) },
    ];
    expect(holdsAdminRole(roles, ["1"])).toBe(true);
    expect(holdsAdminRole(roles, ["2"])).toBe(true);
    expect(holdsAdminRole(roles, ["3"])).toBe(false);
    expect(holdsAdminRole(roles, [])).toBe(false);
  });
});
