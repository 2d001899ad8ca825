import { PermissionFlagsBits } from "discord-api-types/payloads/v10";
import type {
  APIGuildMember,
  APIUser,
  GuildMemberFlags,
  RESTAPIPartialCurrentUserGuild,
} from "discord-api-types/v10";
import { describe, expect, it } from "vitest";
import { avatarUrl, dashboardRole, displayName } from "./staff";

const user: APIUser = {
  id: "1300000000000000222",
  username: "alex",
  global_name: "Alex",
  discriminator: "0",
  avatar: null,
};
const guild = (permissions: bigint): RESTAPIPartialCurrentUserGuild => ({
  id: "1300000000000000010",
  name: "Server",
  icon: null,
  banner: null,
  owner: false,
  permissions: String(permissions),
  features: [],
});
const member = (roles: string[]): APIGuildMember => ({
  user,
  roles,
  joined_at: "2026-01-01T00:00:00.000Z",
  deaf: false,
  mute: false,
  flags: 0 as GuildMemberFlags,
});
const STAFF = ["1300000000000000030"];

describe("dashboardRole", () => {
  it("makes the staff role an agent and administrators admins", () => {
    expect(dashboardRole(user, guild(PermissionFlagsBits.SendMessages), member(STAFF), STAFF)).toBe("agent");
    expect(dashboardRole(user, guild(PermissionFlagsBits.Administrator), member([]), STAFF)).toBe("admin");
    expect(dashboardRole(user, guild(PermissionFlagsBits.ManageGuild), member([]), STAFF)).toBe("admin");
  });

  it("keeps plain members and people outside the server out", () => {
    expect(dashboardRole(user, guild(PermissionFlagsBits.SendMessages), member([]), STAFF)).toBe("member");
    expect(dashboardRole(user, undefined, null, STAFF)).toBe("member");
    // A server without staff roles has admins only; Manage Messages alone is not staff.
    expect(dashboardRole(user, guild(0n), member([""]), [])).toBe("member");
    expect(dashboardRole(user, guild(PermissionFlagsBits.ManageMessages), member([]), STAFF)).toBe("member");
  });
});

describe("profile", () => {
  it("prefers the server nickname, then the display name, then the username", () => {
    expect(displayName(user, { ...member([]), nick: "Lex" })).toBe("Lex");
    expect(displayName(user)).toBe("Alex");
    expect(displayName({ ...user, global_name: null })).toBe("alex");
    expect(avatarUrl({ id: "1", avatar: "abc" })).toBe(
      "https://cdn.discordapp.com/avatars/1/abc.png?size=64",
    );
  });
});
