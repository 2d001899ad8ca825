/**
 * Every change leaves exactly the expected audit rows (action, actor, changed columns), no-ops leave
 * none, and nobody (not even the service role or the database owner) can rewrite the trail.
 */
import { afterAll, describe, expect, it } from "vitest";
import { auditRows, callAs, lastAuditId, mustCall, newGuild, runAs, superuser } from "./db";

afterAll(() => superuser.end());

describe("ticket audit trail", () => {
  const g = newGuild();
  const { memberA: member, agent } = g;

  /** Runs the action and returns the audit rows it added, in order, reduced to what matters. */
  async function audited(action: () => Promise<unknown>) {
    const since = await lastAuditId(g.guildId);
    await action();
    return (await auditRows(g.guildId, since)).map(({ action, actor_id, actor_role, before, after }) => ({
      action,
      actor: `${actor_role}:${actor_id}`,
      before,
      after,
    }));
  }
  const asMember = `member:${member.sub}`;
  const asAgent = `agent:${agent.sub}`;

  it("records each action once, with who did it and what changed", async () => {
    const created = await audited(() =>
      mustCall(member, "ticket_create", { p_subject: "Help", p_description: "Please", p_priority: "high" }),
    );
    expect(created).toEqual([
      {
        action: "created",
        actor: asMember,
        before: null,
        after: expect.objectContaining({ number: 1, subject: "Help", status: "open", priority: "high" }),
      },
    ]);

    // A member's reply to an open ticket only adds the message.
    expect(await audited(() => mustCall(member, "ticket_reply", { p_ticket: "1", p_body: "More" }))).toEqual([
      {
        action: "message_added",
        actor: asMember,
        before: null,
        after: expect.objectContaining({ body: "More", is_internal: false, author_id: member.sub }),
      },
    ]);

    // Agents act on their own behalf first: assigning to themselves is always allowed.
    expect(
      await audited(() => mustCall(agent, "ticket_assign", { p_ticket: "1", p_assignee_id: agent.sub })),
    ).toEqual([
      {
        action: "assigned",
        actor: asAgent,
        before: { assignee_id: null },
        after: { assignee_id: agent.sub },
      },
    ]);

    const reply = await audited(() =>
      mustCall(agent, "ticket_reply", { p_ticket: "1", p_body: "On it", p_status: "waiting_for_member" }),
    );
    expect(reply).toEqual([
      {
        action: "message_added",
        actor: asAgent,
        before: null,
        after: expect.objectContaining({ body: "On it" }),
      },
      {
        action: "status_changed",
        actor: asAgent,
        before: { status: "open", first_responder_id: null, first_staff_response_at: null },
        after: {
          status: "waiting_for_member",
          first_responder_id: agent.sub,
          first_staff_response_at: expect.any(String),
        },
      },
    ]);

    // A second staff reply does not move the first response time: only the message is recorded.
    expect(await audited(() => mustCall(agent, "ticket_reply", { p_ticket: "1", p_body: "Again" }))).toEqual([
      expect.objectContaining({ action: "message_added" }),
    ]);

    // The member answering hands the ticket back (assigned: in progress).
    expect(await audited(() => mustCall(member, "ticket_reply", { p_ticket: "1", p_body: "Done" }))).toEqual([
      expect.objectContaining({ action: "message_added", actor: asMember }),
      {
        action: "status_changed",
        actor: asMember,
        before: { status: "waiting_for_member" },
        after: { status: "in_progress" },
      },
    ]);

    expect(await audited(() => mustCall(agent, "ticket_note", { p_ticket: "1", p_body: "VIP" }))).toEqual([
      {
        action: "note_added",
        actor: asAgent,
        before: null,
        after: expect.objectContaining({ is_internal: true, body: "VIP" }),
      },
    ]);
    expect(
      await audited(() => mustCall(agent, "ticket_set_priority", { p_ticket: "1", p_priority: "low" })),
    ).toEqual([
      {
        action: "priority_changed",
        actor: asAgent,
        before: { priority: "high" },
        after: { priority: "low" },
      },
    ]);
    expect(
      await audited(() => mustCall(member, "ticket_close", { p_ticket: "1", p_reason: "Fixed" })),
    ).toEqual([
      {
        action: "closed",
        actor: asMember,
        before: { status: "in_progress", closed_at: null, closed_by: null, close_reason: null },
        after: {
          status: "closed",
          closed_at: expect.any(String),
          closed_by: member.sub,
          close_reason: "Fixed",
        },
      },
    ]);
    expect(await audited(() => mustCall(member, "ticket_reopen", { p_ticket: "1" }))).toEqual([
      {
        action: "reopened",
        actor: asMember,
        before: {
          status: "closed",
          closed_at: expect.any(String),
          closed_by: member.sub,
          close_reason: "Fixed",
        },
        after: { status: "open", closed_at: null, closed_by: null, close_reason: null },
      },
    ]);
    expect(
      await audited(() => mustCall(agent, "ticket_assign", { p_ticket: "1", p_assignee_id: null })),
    ).toEqual([
      {
        action: "unassigned",
        actor: asAgent,
        before: { assignee_id: agent.sub },
        after: { assignee_id: null },
      },
    ]);
    expect(
      await audited(() => mustCall(agent, "ticket_set_status", { p_ticket: "1", p_status: "closed" })),
    ).toEqual([
      expect.objectContaining({
        action: "closed",
        actor: asAgent,
        after: expect.objectContaining({ closed_by: agent.sub }),
      }),
    ]);
  });

  it("writes no row for reads, refusals and changes to the same value", async () => {
    await mustCall(member, "ticket_create", { p_subject: "Quiet", p_description: "No changes" });
    const rows = await audited(async () => {
      await mustCall(member, "ticket_view", { p_ticket: "2" });
      await mustCall(member, "ticket_list", {});
      await mustCall(agent, "ticket_stats");
      await mustCall(agent, "ticket_transcript", { p_ticket: "2", p_include_internal: true });
      // Refused (ticket_status_unchanged), like the reopen below.
      await callAs(agent, "ticket_set_status", { p_ticket: "2", p_status: "open" });
      await mustCall(agent, "ticket_set_priority", { p_ticket: "2", p_priority: "medium" });
      await mustCall(agent, "ticket_assign", { p_ticket: "2", p_assignee_id: null });
      await runAs(member, "select public.ticket_reopen('2')");
    });
    expect(rows).toEqual([]);
  });

  it("names the system when the service role closes stale tickets", async () => {
    await superuser.query(
      "update public.tickets set last_activity_at = now() - interval '40 days' where guild_id = $1 and number = 2",
      [g.guildId],
    );
    const rows = await audited(() =>
      runAs("service_role", "select public.ticket_close_stale(30, $1)", [g.guildId]),
    );
    expect(rows).toEqual([
      {
        action: "closed",
        actor: "service_role:null",
        before: { status: "open", closed_at: null },
        after: { status: "closed", closed_at: expect.any(String) },
      },
    ]);
  });

  it("cannot be changed or deleted by anyone", async () => {
    const count = async () =>
      Number(
        (await superuser.query("select count(*) from public.ticket_audit where guild_id = $1", [g.guildId]))
          .rows[0]?.count,
      );
    const before = await count();
    for (const caller of [agent, g.admin, "service_role"] as const) {
      const update = await runAs(caller, "update public.ticket_audit set action = 'created' returning id");
      const remove = await runAs(caller, "delete from public.ticket_audit returning id");
      expect([update.error?.code, remove.error?.code]).toEqual(["42501", "42501"]);
    }
    await expect(
      superuser.query("delete from public.ticket_audit where guild_id = $1", [g.guildId]),
    ).rejects.toThrow(/append-only/);
    await expect(superuser.query("truncate public.ticket_audit cascade")).rejects.toThrow(/append-only/);
    expect(await count()).toBe(before);
  });
});
