/**
 * A ticket category with staff roles of its own (issue 11): which staff see, answer and take its
 * tickets, and who records members' roles.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callAs, mustCall, newGuild, type Person, snowflake, superuser } from "./db";
import { ensure } from "./settings-support";

afterAll(() => superuser.end());

describe("a category with staff roles of its own", () => {
  const g = newGuild();
  const staffRole = snowflake();
  const billingRole = snowflake();
  const billingAgent: Person = { ...g.agent, sub: snowflake(), roles: [staffRole, billingRole] };
  const plainAgent: Person = { ...g.agent, roles: [staffRole] };
  let billing: number;
  let general: number;

  beforeAll(async () => {
    await ensure(g.guildId, { staffRoleIds: [staffRole] });
    await mustCall(g.admin, "ticket_category_update", {
      p_key: "billing",
      p_changes: { staffRoleIds: [billingRole] },
    });
    billing = (
      await mustCall<{ number: number }>(g.memberA, "ticket_create", {
        p_subject: "refund",
        p_description: "card 4242",
        p_category: "billing",
      })
    ).number;
    general = (
      await mustCall<{ number: number }>(g.memberA, "ticket_create", { p_subject: "hi", p_description: "d" })
    ).number;
  });

  it("is invisible to an agent without its role, in lists, views, replies and notes", async () => {
    const list = await mustCall<{ total: number; items: { number: number }[] }>(plainAgent, "ticket_list");
    expect(list.items.map((t) => t.number)).toEqual([general]);
    expect(list.total).toBe(1);
    for (const [fn, args] of [
      ["ticket_view", { p_ticket: String(billing) }],
      ["ticket_reply", { p_ticket: String(billing), p_body: "hello" }],
      ["ticket_note", { p_ticket: String(billing), p_body: "note" }],
      ["ticket_assign", { p_ticket: String(billing) }],
      ["ticket_set_status", { p_ticket: String(billing), p_status: "closed" }],
      ["ticket_transcript", { p_ticket: String(billing), p_include_internal: true }],
    ] as const) {
      expect((await callAs(plainAgent, fn, args)).error?.message, fn).toBe("ticket_not_found");
    }
    const auto = await mustCall<{ number: number }[]>(plainAgent, "ticket_autocomplete", { p_query: "" });
    expect(auto.map((t) => t.number)).toEqual([general]);
  });

  it("is visible to holders of its role and to admins; the owner still sees it", async () => {
    const list = await mustCall<{ items: { number: number }[] }>(billingAgent, "ticket_list");
    expect(list.items.map((t) => t.number).sort()).toEqual([billing, general].sort());
    await mustCall(billingAgent, "ticket_note", { p_ticket: String(billing), p_body: "checked the card" });
    expect(await mustCall(g.admin, "ticket_view", { p_ticket: String(billing) })).toMatchObject({
      messages: [expect.objectContaining({ body: "checked the card", isInternal: true })],
    });
    expect(await mustCall(g.memberA, "ticket_view", { p_ticket: String(billing) })).toMatchObject({
      messages: [],
    });
  });

  it("is assignable only to holders of its role (or admins); anyone with a staff role takes the others", async () => {
    const newcomer = snowflake();
    const billingNewcomer = snowflake();
    await mustCall("service_role", "server_members_sync", {
      p_guild_id: g.guildId,
      // node-postgres sends JS arrays as Postgres arrays: JSON goes as text.
      p_members: JSON.stringify([
        { id: newcomer, name: "Nina", roles: [staffRole] },
        { id: billingNewcomer, name: "Bill", roles: [billingRole] },
      ]),
    });
    // Neither has ever handled a ticket.
    expect(
      (await callAs(g.admin, "ticket_assign", { p_ticket: String(billing), p_assignee_id: newcomer })).error
        ?.message,
    ).toBe("assignee_not_staff");
    expect(
      await mustCall(g.admin, "ticket_assign", { p_ticket: String(billing), p_assignee_id: billingNewcomer }),
    ).toMatchObject({ assigneeId: billingNewcomer });
    expect(
      await mustCall(plainAgent, "ticket_assign", { p_ticket: String(general), p_assignee_id: newcomer }),
    ).toMatchObject({ assigneeId: newcomer });
    expect(
      (await callAs(plainAgent, "ticket_assign", { p_ticket: String(general), p_assignee_id: snowflake() }))
        .error?.message,
    ).toBe("assignee_not_staff");

    const everyone = await mustCall<{ id: string; name: string }[]>(plainAgent, "ticket_assignees", {});
    expect(everyone).toEqual([{ id: newcomer, name: "Nina" }]);
    const forBilling = await mustCall<{ id: string }[]>(billingAgent, "ticket_assignees", {
      p_category: "billing",
    });
    expect(forBilling.map((m) => m.id)).toEqual([billingNewcomer]);
    expect((await callAs(plainAgent, "ticket_assignees", { p_category: "billing" })).error?.message).toBe(
      "invalid_category",
    );
    expect((await callAs(g.memberB, "ticket_assignees", {})).error?.message).toBe("staff_only");
  });

  it("members' roles are recorded by Maxis's system identity only", async () => {
    for (const caller of [g.admin, plainAgent, g.memberB] as const) {
      const { error } = await callAs(caller, "server_members_sync", {
        p_guild_id: g.guildId,
        p_members: JSON.stringify([{ id: caller.sub, name: "me", roles: [billingRole] }]),
      });
      expect(error).not.toBeNull();
    }
  });
});
