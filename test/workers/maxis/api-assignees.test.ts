/**
 * GET /api/v1/tickets/:number/assignees (issue 11 §4): the dashboard's assignee list offers everyone
 * who may take the ticket, read from Discord's member list (the stand-in) and checked by Postgres as
 * the staff member, not only people who already handled a ticket; and the dashboard can then assign
 * them. Two servers, a category kept to its own role, and an admin through a role.
 */
import { describe, expect, it } from "vitest";
import type { Actor } from "../../../scripts/lib/interaction-builder";
import type { AssigneeList } from "../../../src/shared/contracts/people";
import { api, sessionFor } from "./api-support";
import { addAdminRole, addMember, memberListReads } from "./assignee-support";
import { configureServer } from "./panel-support";
import { createdNumber, run, snowflake } from "./tickets-support";

async function setUp() {
  const serverA = snowflake();
  const serverB = snowflake();
  const roleA = snowflake();
  const roleB = snowflake();
  const billingRole = snowflake();
  await configureServer(serverA, {
    staffRoleIds: [roleA],
    categories: { billing: { staffRoleIds: [billingRole] } },
  });
  await configureServer(serverB, { staffRoleIds: [roleB] });
  const adminRole = await addAdminRole(serverA);
  const people = {
    nina: await addMember(serverA, "Nina Staff", [roleA]),
    bea: await addMember(serverA, "Béa Billing", [billingRole]),
    ada: await addMember(serverA, "Ada Admin", [adminRole]),
    paul: await addMember(serverA, "Paul Member", []),
    // Holds A's staff role id, but in server B: nothing to A.
    bob: await addMember(serverB, "Bob B", [roleA]),
    zoe: await addMember(serverB, "Zoé B-staff", [roleB]),
  };
  const staffA: Actor = {
    userId: await addMember(serverA, "Sol Agent", [roleA]),
    guildId: serverA,
    roles: [roleA],
  };
  const billingStaffA: Actor = { userId: snowflake(), guildId: serverA, roles: [roleA, billingRole] };
  const member: Actor = { userId: snowflake(), guildId: serverA };
  const general = createdNumber(await run(member, "/ticket create subject:Login description:Broken"));
  const billing = createdNumber(
    await run(member, "/ticket create subject:Invoice description:Copy please category:billing"),
  );
  const memberB: Actor = { userId: snowflake(), guildId: serverB };
  const ticketB = createdNumber(await run(memberB, "/ticket create subject:Hello description:From B"));
  return { serverA, serverB, people, staffA, billingStaffA, general, billing, ticketB, memberB };
}

const names = (json: unknown) => (json as AssigneeList).assignees.map((p) => p.name);

describe("GET /api/v1/tickets/:number/assignees", () => {
  it("lists the server's staff-role holders and admins, never handled a ticket, from its own server only", {
    timeout: 30_000,
  }, async () => {
    const s = await setUp();
    const token = await sessionFor(s.staffA);
    const answer = await api(`/tickets/${s.general}/assignees`, { token });
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({ complete: true });
    expect(names(answer.json)).toEqual(["Ada Admin", "Nina Staff", "Sol Agent"]);
    expect((answer.json as unknown as AssigneeList).assignees[0]).toEqual({
      id: s.people.ada,
      name: "Ada Admin",
      avatarUrl: null,
    });
    // A search narrows the list, ignoring case and accents.
    expect(names((await api(`/tickets/${s.general}/assignees?q=NINA`, { token })).json)).toEqual([
      "Nina Staff",
    ]);

    // Server B's staff see B's role holders for B's ticket #n, never A's.
    const tokenB = await sessionFor({ userId: s.people.zoe, guildId: s.serverB, roles: [] });
    const onB = await api(`/tickets/${s.ticketB}/assignees`, { token: tokenB });
    expect(names(onB.json)).toEqual(["Zoé B-staff"]);
  });

  it("for a category kept to its own role, lists only that role's holders and the admins", async () => {
    const s = await setUp();
    const token = await sessionFor(s.billingStaffA);
    const answer = await api(`/tickets/${s.billing}/assignees`, { token });
    const ids = (answer.json as unknown as AssigneeList).assignees.map((p) => p.id);
    expect(names(answer.json).filter((n) => n !== null)).toEqual(["Ada Admin", "Béa Billing"]);
    expect(ids).toContain(s.billingStaffA.userId);
    expect(ids).not.toContain(s.people.nina);
    // An agent without the billing role does not see the ticket at all: a 404 in their language.
    const plain = await api(`/tickets/${s.billing}/assignees`, {
      token: await sessionFor(s.staffA),
      headers: { "Accept-Language": "fr-FR" },
    });
    expect(plain).toMatchObject({ status: 404, json: { error: { code: "ticket_not_found" } } });
    expect((plain.json as { error: { message: string } }).error.message).toContain("introuvable");
  });

  it("reads Discord's member list once for several tickets of the server (cached)", async () => {
    const s = await setUp();
    const token = await sessionFor(s.billingStaffA);
    expect((await api(`/tickets/${s.general}/assignees`, { token })).status).toBe(200);
    expect(await memberListReads(s.serverA)).toHaveLength(1);
    expect((await api(`/tickets/${s.billing}/assignees`, { token })).status).toBe(200);
    expect((await api(`/tickets/${s.general}/assignees?q=ada`, { token })).status).toBe(200);
    expect(await memberListReads(s.serverA)).toHaveLength(1);
  });

  it("lets the dashboard assign someone from the list who never handled a ticket, and refuses others", async () => {
    const s = await setUp();
    const token = await sessionFor(s.billingStaffA);
    await api(`/tickets/${s.general}/assignees`, { token });
    const assign = (number: number, assigneeId: string) =>
      api(`/tickets/${number}/assignee`, {
        method: "PUT",
        token,
        body: { assigneeId },
        headers: { "Accept-Language": "fr" },
      });
    expect(await assign(s.general, s.people.nina)).toMatchObject({
      status: 200,
      json: { assigneeId: s.people.nina },
    });
    expect(await assign(s.billing, s.people.ada)).toMatchObject({
      status: 200,
      json: { assigneeId: s.people.ada },
    });
    const refused = await assign(s.billing, s.people.nina);
    expect(refused).toMatchObject({ status: 422, json: { error: { code: "assignee_not_staff" } } });
    expect(await assign(s.general, s.people.paul)).toMatchObject({ status: 422 });
  });

  it("records a member whose name is cut inside an emoji, with the rest of the member list", async () => {
    const server = snowflake();
    const role = snowflake();
    await configureServer(server, { staffRoleIds: [role] });
    // 99 letters, then an emoji of two UTF-16 units: a cut at 100 units lands inside it.
    const long = `${"a".repeat(99)}😀 and more`;
    const staff: Actor = { userId: await addMember(server, long, [role]), guildId: server, roles: [role] };
    await addMember(server, "Nina Staff", [role]);
    const member: Actor = { userId: snowflake(), guildId: server };
    const ticket = createdNumber(await run(member, "/ticket create subject:Login description:Broken"));
    const answer = await api(`/tickets/${ticket}/assignees`, { token: await sessionFor(staff) });
    // The member list was recorded whole (Postgres refuses half an emoji in JSON, and with it the
    // batch): both are offered, under the name Discord shows, and the list says it is complete.
    expect(answer).toMatchObject({ status: 200, json: { complete: true, incomplete: null } });
    expect(names(answer.json).sort()).toEqual(["Nina Staff", long].sort());
  });

  it("refuses a session that is not staff, before asking Discord", async () => {
    const s = await setUp();
    const before = (await memberListReads(s.serverA)).length;
    const answer = await api(`/tickets/${s.general}/assignees`, { token: "v1.not.a-session" });
    expect(answer).toMatchObject({ status: 401, json: { error: { code: "invalid_session" } } });
    expect(await memberListReads(s.serverA)).toHaveLength(before);
  });
});
