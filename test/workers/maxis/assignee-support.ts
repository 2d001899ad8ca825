/**
 * Helpers for the assignee tests: people of a server as the Discord stand-in lists them (the member
 * list and member reads), a role that makes its holders admins, and counting Maxis's member-list reads.
 */
import { expect, inject } from "vitest";
import type { RecordedRequest } from "../../../scripts/local-discord/server";
import { allDiscordRequests, snowflake } from "./tickets-support";

const local = inject("discordLocalUrl");

async function post(path: string, body: unknown): Promise<void> {
  const res = await fetch(`${local}${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  expect(res.ok, path).toBe(true);
}

/** Someone Discord lists in `guildId` with these roles and this display name; returns their id. */
export async function addMember(guildId: string, name: string, roles: string[]): Promise<string> {
  const userId = snowflake();
  await post("/__local/members", { guild_id: guildId, user_id: userId, roles, name });
  return userId;
}

/** The server's roles become @everyone and `adminRole`, a role with Administrator; returns its id. */
export async function addAdminRole(guildId: string): Promise<string> {
  const adminRole = snowflake();
  await post("/__local/permissions", {
    guild_id: guildId,
    roles: [
      { id: guildId, name: "@everyone", permissions: "0", position: 0 },
      { id: adminRole, name: "Admins", permissions: "8", position: 1 },
    ],
  });
  return adminRole;
}

/** Maxis's reads of the server's member list (GET /guilds/{id}/members?limit&after) so far. */
export async function memberListReads(guildId: string): Promise<RecordedRequest[]> {
  return (await allDiscordRequests()).filter(
    (r) => r.method === "GET" && r.path === `/guilds/${guildId}/members`,
  );
}
