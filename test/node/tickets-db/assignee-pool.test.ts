/**
 * Assignees from Discord's member list (20261203040000): what Maxis records with server_members_sync
 * decides who ticket_assignee_pool lists and whom ticket_assign accepts, per category; a complete
 * list takes the staff roles back from anyone no longer in it; admins take any ticket.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callAs, mustCall, newGuild, type Person, snowflake, superuser } from "./db";

const g = newGuild();
const staffRole = snowflake();
const billingRole = snowflake();
const agent: Person = { ...g.agent, roles: [staffRole, billingRole] };
const nina = { id: snowflake(), name: "Nina", roles: [staffRole], admin: false };
const bea = { id: snowflake(), name: "Béa", roles: [billingRole], admin: false };
const ada = { id: snowflake(), name: "Ada", roles: [], admin: true };
let general: string;
let billing: string;

const sync = (members: unknown[], complete = false) =>
  mustCall("service_role", "server_members_sync", {
    p_guild_id: g.guildId,
    p_members: JSON.stringify(members),
    p_complete: complete,
  });
const pool = async (ticket: string) =>
  (
    await mustCall<{ id: string; name: string | null }[]>(agent, "ticket_assignee_pool", { p_ticket: ticket })
  ).map((p) => p.name ?? p.id);
const assign = async (ticket: string, id: string) =>
  (await callAs(agent, "ticket_assign", { p_ticket: ticket, p_assignee_id: id })).error?.message ?? "ok";

afterAll(() => superuser.end());

beforeAll(async () => {
  await mustCall("service_role", "server_settings_ensure", {
    p_guild_id: g.guildId,
    p_defaults: { staffRoleIds: [staffRole] },
  });
  await mustCall(g.admin, "ticket_category_update", {
    p_key: "billing",
    p_changes: { staffRoleIds: [billingRole] },
  });
  const open = async (category: string) =>
    String(
      (
        await mustCall<{ number: number }>(g.memberA, "ticket_create", {
          p_subject: category,
          p_description: "help",
          p_category: category,
        })
      ).number,
    );
  general = await open("general");
  billing = await open("billing");
  expect(await sync([nina, bea, ada], true)).toBe(3);
});

describe("assignees recorded from Discord's member list", () => {
  it("lists, per ticket, the holders of the roles that handle its category, the admins and the caller", async () => {
    expect(await pool(general)).toEqual(["Ada", "Nina", agent.sub]);
    expect(await pool(billing)).toEqual(["Ada", "Béa", agent.sub]);
  });

  it("lets staff assign them though they never handled a ticket, and no one else", async () => {
    expect(await assign(general, nina.id)).toBe("ok");
    expect(await assign(billing, nina.id)).toBe("assignee_not_staff");
    expect(await assign(billing, bea.id)).toBe("ok");
    expect(await assign(billing, ada.id)).toBe("ok");
    expect(await assign(general, snowflake())).toBe("assignee_not_staff");
  });

  it("a complete list takes the roles back from whoever is no longer in it; a partial one does not", async () => {
    await sync([bea], false);
    expect(await pool(general)).toEqual(["Ada", "Nina", agent.sub]);
    await sync([bea, ada], true);
    expect(await pool(general)).toEqual(["Ada", agent.sub]);
    expect(await assign(general, nina.id)).toBe("assignee_not_staff");
  });

  it("is staff only, and refuses malformed lists", async () => {
    expect((await callAs(g.memberA, "ticket_assignee_pool", { p_ticket: general })).error?.message).toBe(
      "staff_only",
    );
    const bad = await callAs("service_role", "server_members_sync", {
      p_guild_id: g.guildId,
      p_members: JSON.stringify([{ id: nina.id, admin: "yes" }]),
    });
    expect(bad.error?.message).toBe("invalid_members");
    const asAgent = await callAs(agent, "server_members_sync", {
      p_guild_id: g.guildId,
      p_members: JSON.stringify([{ id: agent.sub, name: "me", roles: [], admin: true }]),
    });
    expect(asAgent.error).not.toBeNull();
  });
});
