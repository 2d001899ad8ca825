import { describe, expect, it } from "vitest";
import { adminRoleIds, staffMembersOf } from "./staff-members";

const member = (id: string, roles: string[], extra: { bot?: boolean; nick?: string } = {}) => ({
  user: {
    id,
    username: `user${id}`,
    global_name: `User ${id}`,
    avatar: null,
    discriminator: "0",
    ...(extra.bot ? { bot: true } : {}),
  },
  nick: extra.nick ?? null,
  roles,
});

describe("staffMembersOf", () => {
  const filter = {
    staffRoleIds: new Set(["10", "11"]),
    adminRoleIds: adminRoleIds([
      { id: "20", permissions: "8" }, // Administrator
      { id: "21", permissions: String(1n << 5n) }, // Manage Server
      { id: "22", permissions: String(1n << 13n) }, // Manage Messages: nothing
    ]),
    ownerId: "4",
  };

  it("keeps staff-role holders and admins (by role or as owner), by their name in the server", () => {
    const found = staffMembersOf(
      [
        member("1", ["10"], { nick: "Nina" }),
        member("2", ["21"]),
        member("3", ["22"]),
        member("4", []),
        member("5", ["11", "20"]),
      ],
      filter,
    );
    expect(found.map((m) => [m.id, m.name, m.admin])).toEqual([
      ["1", "Nina", false],
      ["2", "User 2", true],
      ["4", "User 4", true],
      ["5", "User 5", true],
    ]);
  });

  it("leaves bots out, even with a staff role", () => {
    expect(staffMembersOf([member("6", ["10"], { bot: true })], filter)).toEqual([]);
  });
});
