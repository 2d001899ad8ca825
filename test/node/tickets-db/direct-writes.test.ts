/**
 * Direct table writes, as any JWT holder could send them through PostgREST: the ticket owner, staff of
 * the same server, staff of another server, a JWT naming A with an admin role on another server, and
 * the service role. Every INSERT, UPDATE and DELETE on every ticket table and every column a ticket
 * function sets is refused, so the functions' invariants (the limit of 5, the allowed transitions,
 * timestamps from the database, the server scope) cannot be bypassed. Issue 17, hole 4.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type Caller,
  callAs,
  guildSnapshot,
  mustCall,
  newGuild,
  type Outcome,
  runAs,
  snowflake,
  superuser,
} from "./db";
import { controlOnlyWrites, directWrites } from "./direct-writes-table";

afterAll(() => superuser.end());

const g = newGuild();
const otherGuildId = snowflake();
const otherAdmin = { sub: snowflake(), appRole: "admin" as const, guildId: otherGuildId };
const otherAgent = { sub: snowflake(), appRole: "agent" as const, guildId: otherGuildId };
/** The hole's JWT: A's own id, admin, but of server B. */
const aAsAdminElsewhere = { sub: g.memberA.sub, appRole: "admin" as const, guildId: otherGuildId };

let open: { id: string; number: number };
let closed: { id: string; number: number };

async function ticketRow(number: number) {
  const { rows } = await superuser.query("select * from public.tickets where guild_id = $1 and number = $2", [
    g.guildId,
    number,
  ]);
  return rows[0] as Record<string, unknown> & { id: string };
}

beforeAll(async () => {
  const first = await mustCall<{ number: number }>(g.memberA, "ticket_create", {
    p_subject: "Open one",
    p_description: "still open",
  });
  const second = await mustCall<{ number: number }>(g.memberA, "ticket_create", {
    p_subject: "Closed one",
    p_description: "closed by staff",
  });
  await mustCall(g.agent, "ticket_reply", { p_ticket: String(first.number), p_body: "Looking" });
  await mustCall(g.agent, "ticket_close", { p_ticket: String(second.number), p_reason: "done" });
  open = { id: (await ticketRow(first.number)).id, number: first.number };
  closed = { id: (await ticketRow(second.number)).id, number: second.number };
  // A ticket on the other server with the same numbers, so a cross-server confusion would find one.
  await mustCall(otherAdmin, "ticket_create", { p_subject: "B's", p_description: "B's own" });
});

const attackers: [string, Caller][] = [
  ["the owner (member A)", g.memberA],
  ["member B", g.memberB],
  ["an agent of the server", g.agent],
  ["an admin of the server", g.admin],
  ["an agent of another server", otherAgent],
  ["an admin of another server", otherAdmin],
  ["A's id as admin of another server", aAsAdminElsewhere],
  ["the service role", "service_role"],
  ["anon", "anon"],
];

describe("direct writes to the ticket tables", () => {
  it("are all refused, for every caller, table and column a function sets, and change nothing", async () => {
    const target = { guild: g, open, closed, otherGuildId };
    const before = await guildSnapshot(g.guildId);
    const accepted: string[] = [];
    let attempts = 0;
    for (const [who, caller] of attackers) {
      const writes =
        caller === "service_role" ? directWrites(target) : [...directWrites(target), ...controlOnlyWrites()];
      for (const [attempt, sql] of writes) {
        const outcome: Outcome = await runAs(caller, sql);
        attempts += 1;
        if (outcome.error?.code !== "42501") {
          accepted.push(`${who}: ${attempt} → ${outcome.error?.message ?? `${outcome.rowCount} row(s)`}`);
        }
      }
    }
    expect(attempts).toBeGreaterThanOrEqual(300);
    expect(accepted).toEqual([]);
    expect(await guildSnapshot(g.guildId)).toEqual(before);
  });
});

describe("each attack of issue 17's hole 4 fails", () => {
  it("the owner cannot open tickets past the limit of 5 by inserting them", async () => {
    const member = newGuild().memberA;
    for (let i = 0; i < 5; i += 1) {
      await mustCall(member, "ticket_create", { p_subject: `t${i}`, p_description: "d" });
    }
    const inserts: Outcome[] = [];
    for (let i = 0; i < 4; i += 1) {
      inserts.push(
        await runAs(
          member,
          `insert into public.tickets (guild_id, number, owner_id, subject, description)
             values ($1, 1, $2, 'extra', 'extra') returning id`,
          [member.guildId, member.sub],
        ),
      );
    }
    expect(inserts.map((o) => o.error?.code)).toEqual(["42501", "42501", "42501", "42501"]);
    const { rows } = await superuser.query(
      "select count(*)::int as n from public.tickets where guild_id = $1 and status <> 'closed'",
      [member.guildId],
    );
    expect(rows[0]).toEqual({ n: 5 });
    const sixth = await callAs(member, "ticket_create", { p_subject: "t6", p_description: "d" });
    expect(sixth.error?.message).toBe("too_many_open_tickets");
  });

  it("the owner cannot set closed_at, closed_by or last_activity_at, nor reply into a closed ticket", async () => {
    const row = await ticketRow(closed.number);
    for (const sql of [
      "update public.tickets set closed_at = '2000-01-01' where id = $1",
      "update public.tickets set closed_by = owner_id where id = $1",
      "update public.tickets set last_activity_at = now() + interval '1 year' where id = $1",
    ]) {
      expect((await runAs(g.memberA, sql, [closed.id])).error?.code).toBe("42501");
    }
    const reply = await runAs(
      g.memberA,
      `insert into public.ticket_messages (ticket_id, guild_id, ticket_owner_id, author_id, body)
         values ($1, $2, $3, $3, 'after closing')`,
      [closed.id, g.guildId, g.memberA.sub],
    );
    expect(reply.error?.code).toBe("42501");
    const viaFunction = await callAs(g.memberA, "ticket_reply", {
      p_ticket: String(closed.number),
      p_body: "hi",
    });
    expect(viaFunction.error?.message).toBe("ticket_closed");
    expect(await ticketRow(closed.number)).toEqual(row);
  });

  it("an admin JWT of another server changes nothing of A's tickets on A's server, directly or by function", async () => {
    const row = await ticketRow(open.number);
    for (const sql of [
      "update public.tickets set priority = 'critical' where id = $1",
      "update public.tickets set category = 'bug' where id = $1",
      "update public.tickets set first_responder_id = owner_id, first_staff_response_at = now() where id = $1",
    ]) {
      expect((await runAs(aAsAdminElsewhere, sql, [open.id])).error?.code).toBe("42501");
    }
    // The functions act in the JWT's server only: there, #n is B's ticket (or none), never A's.
    await callAs(aAsAdminElsewhere, "ticket_set_priority", {
      p_ticket: String(open.number),
      p_priority: "critical",
    });
    await callAs(aAsAdminElsewhere, "ticket_assign", { p_ticket: String(open.number), p_assignee_id: null });
    await callAs(aAsAdminElsewhere, "ticket_set_status", {
      p_ticket: String(open.number),
      p_status: "closed",
    });
    await callAs(aAsAdminElsewhere, "ticket_reply", { p_ticket: String(open.number), p_body: "as admin" });
    expect(await ticketRow(open.number)).toEqual(row);
  });

  it("the writing functions, running as owner, still keep the server and the owner: A's server is untouched", async () => {
    const before = await guildSnapshot(g.guildId);
    const ref = String(open.number);
    for (const [fn, args] of [
      ["ticket_reply", { p_ticket: ref, p_body: "x" }],
      ["ticket_close", { p_ticket: ref }],
      ["ticket_reopen", { p_ticket: String(closed.number) }],
      ["ticket_note", { p_ticket: ref, p_body: "x" }],
      ["ticket_set_status", { p_ticket: ref, p_status: "waiting_for_member" }],
      ["ticket_set_priority", { p_ticket: ref, p_priority: "low" }],
    ] as const) {
      // Numbers are per server: for staff of the other server, #n is their own server's ticket #n.
      await callAs(otherAgent, fn, args);
      expect((await callAs(g.memberB, fn, args)).error?.message, fn).toMatch(/ticket_not_found|staff_only/);
    }
    expect(await guildSnapshot(g.guildId)).toEqual(before);
  });
});
