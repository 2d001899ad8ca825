/**
 * Support that runs by itself, in Postgres (20261202010000_ticket_automation.sql): what becomes due
 * when, how the scheduler claims it (once, even from two passes at the same moment, and again after a
 * pass died mid-way without doing the database half twice), and what a member's answer cancels. Time
 * is moved by writing timestamps.
 */

import { afterAll, describe, expect, it } from "vitest";
import { claim, finish, jobs, makeDue, setUp, ticketWaitingForMember } from "./automation-support";
import { auditRows, callAs, mustCall, newGuild, snowflake, superuser } from "./db";
import { settingsChanges } from "./settings-support";

afterAll(() => superuser.end());

describe("automation settings", () => {
  it("start off for auto-close, change by admins only, are audited and checked", async () => {
    const g = newGuild();
    await mustCall("service_role", "server_settings_ensure", { p_guild_id: g.guildId, p_defaults: {} });
    expect(await mustCall(g.agent, "server_automation_view")).toEqual({
      autoCloseEnabled: false,
      inactivityHours: 72,
      warningHours: 24,
      closeRequestHours: 24,
      ratingsEnabled: true,
    });
    expect(
      (await callAs(g.agent, "server_automation_update", { p_changes: { warningHours: 2 } })).error,
    ).toMatchObject({ message: "admin_only" });
    expect((await callAs(g.memberA, "server_automation_view")).error).toMatchObject({
      message: "staff_only",
    });
    const bad = await callAs(g.admin, "server_automation_update", { p_changes: { warningHours: 500 } });
    expect(bad.error).toMatchObject({ message: "invalid_warning_hours" });
    expect(
      (await callAs(g.admin, "server_automation_update", { p_changes: { surprise: true } })).error,
    ).toMatchObject({ message: "invalid_settings" });
    await mustCall(g.admin, "server_automation_update", {
      p_changes: { autoCloseEnabled: true, warningHours: 2 },
    });
    expect(await settingsChanges(g.guildId)).toEqual([
      {
        action: "settings_changed",
        actor_id: g.admin.sub,
        before: { automation: { autoCloseEnabled: false, warningHours: 24 } },
        after: { automation: { autoCloseEnabled: true, warningHours: 2 } },
      },
    ]);
  });

  it("leave tickets alone while auto-close is off", async () => {
    const g = await setUp({ autoCloseEnabled: false });
    await ticketWaitingForMember(g);
    expect(await jobs(g.guildId)).toEqual([]);
  });
});

describe("inactivity", () => {
  it("warns a ticket waiting for its member, then closes it as the system, with a rating prompt", async () => {
    const g = await setUp();
    const number = await ticketWaitingForMember(g);
    expect(await jobs(g.guildId)).toEqual([{ kind: "inactivity_warning", number, applied: false }]);
    expect(await claim(g.guildId)).toEqual([]); // not due yet (72 h)

    await makeDue(g.guildId);
    const [warning] = await claim(g.guildId);
    expect(warning).toMatchObject({ kind: "inactivity_warning", hours: 24, attempt: 1, ticket: { number } });
    await finish(warning?.id ?? 0);
    expect(await jobs(g.guildId)).toEqual([{ kind: "inactivity_close", number, applied: false }]);

    await makeDue(g.guildId);
    const [close] = await claim(g.guildId);
    expect(close).toMatchObject({
      kind: "inactivity_close",
      ticket: { number, status: "closed", closedBy: null },
    });
    await finish(close?.id ?? 0);
    expect(await jobs(g.guildId)).toEqual([{ kind: "rating_prompt", number, applied: false }]);
    const audit = (await auditRows(g.guildId)).filter((a) =>
      ["inactivity_warned", "closed"].includes(a.action),
    );
    expect(audit.map((a) => [a.action, a.actor_role])).toEqual([
      ["inactivity_warned", "service_role"],
      ["closed", "service_role"],
    ]);
  });

  it("is cancelled by the member's answer between the warning and the close", async () => {
    const g = await setUp();
    const number = await ticketWaitingForMember(g);
    await makeDue(g.guildId);
    const [warning] = await claim(g.guildId);
    await finish(warning?.id ?? 0);
    await mustCall(g.memberA, "ticket_reply", { p_ticket: String(number), p_body: "Still broken" });
    expect(await jobs(g.guildId)).toEqual([]);
    await makeDue(g.guildId);
    expect(await claim(g.guildId)).toEqual([]);
    const view = await mustCall<{ ticket: { status: string } }>(g.agent, "ticket_view", {
      p_ticket: String(number),
    });
    expect(view.ticket.status).not.toBe("closed");
    expect((await auditRows(g.guildId)).map((a) => a.action)).toContain("inactivity_cancelled");
  });
});

describe("the scheduler's claim", () => {
  it("gives each due job to exactly one of two passes started together", async () => {
    const g = await setUp();
    for (let i = 0; i < 12; i += 1) {
      await ticketWaitingForMember(g, { sub: snowflake(), appRole: "member", guildId: g.guildId });
    }
    await makeDue(g.guildId);
    const [a, b] = await Promise.all([claim(g.guildId), claim(g.guildId)]);
    const ids = [...(a ?? []), ...(b ?? [])].map((j) => j.id);
    expect(ids).toHaveLength(12);
    expect(new Set(ids).size).toBe(12);
    // Each warning was recorded once, and each ticket has one close scheduled.
    const warned = (await auditRows(g.guildId)).filter((x) => x.action === "inactivity_warned");
    expect(warned).toHaveLength(12);
    expect((await jobs(g.guildId)).filter((j) => j.kind === "inactivity_close")).toHaveLength(12);
  });

  it("hands a job whose pass died back after its lease, same nonce, its database half not redone", async () => {
    const g = await setUp();
    await ticketWaitingForMember(g);
    await makeDue(g.guildId);
    const [first] = await claim(g.guildId);
    // The pass dies here: no automation_finish. Within the lease nobody takes it again.
    expect(await claim(g.guildId)).toEqual([]);
    await makeDue(g.guildId, "inactivity_warning"); // the lease ran out
    const [again] = await claim(g.guildId);
    expect(again).toMatchObject({ id: first?.id, nonce: first?.nonce, attempt: 2 });
    expect((await auditRows(g.guildId)).filter((x) => x.action === "inactivity_warned")).toHaveLength(1);
    await finish(again?.id ?? 0);
  });

  it("retries a failure with backoff and reports it failed after the last try", async () => {
    const g = await setUp();
    await ticketWaitingForMember(g);
    for (let attempt = 1; attempt <= 6; attempt += 1) {
      await makeDue(g.guildId, "inactivity_warning");
      const [job] = await claim(g.guildId);
      expect(job?.attempt).toBe(attempt);
      const outcome = await finish(job?.id ?? 0, false, "Discord said 503");
      expect(outcome).toEqual({ failed: attempt === 6 ? 1 : 0 });
    }
    await makeDue(g.guildId, "inactivity_warning");
    expect(await claim(g.guildId)).toEqual([]);
  });

  it("is for Maxis's scheduler only", async () => {
    const g = await setUp();
    for (const caller of [g.admin, g.memberA, "anon" as const]) {
      expect((await callAs(caller, "automation_claim", { p_limit: 5 })).error?.code).toBe("42501");
    }
  });
});
