/**
 * Attacks ticket isolation directly in Postgres, as PostgREST would run the requests: as member B (who
 * owns a ticket of their own), as staff of another server, and as anon, against every ticket table
 * (select, insert, update, delete) and every ticket function. Nothing of member A's may leak or change.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allDenied, attackAll, leaksOf } from "./attacks";
import {
  type Caller,
  callAs,
  guildSnapshot,
  newGuild,
  type Outcome,
  runAs,
  snowflake,
  superuser,
} from "./db";

const g = newGuild();
const otherGuildStaff = { sub: snowflake(), appRole: "admin" as const, guildId: snowflake() };
const secretSubject = "A's private subject";
const secretBody = "A's private reply";
const secretNote = "internal: A is a VIP";
let aTicket: { id: string; number: number };
let bTicketNumber: number;

afterAll(() => superuser.end());

beforeAll(async () => {
  const created = await callAs(g.memberA, "ticket_create", {
    p_subject: secretSubject,
    p_description: "A's private description",
    p_category: "billing",
  });
  const number = (created.data as { number: number }).number;
  await callAs(g.memberA, "ticket_reply", { p_ticket: String(number), p_body: secretBody });
  await callAs(g.agent, "ticket_note", { p_ticket: String(number), p_body: secretNote });
  const { rows } = await superuser.query(
    "select id from public.tickets where guild_id = $1 and number = $2",
    [g.guildId, number],
  );
  aTicket = { id: String(rows[0]?.["id"]), number };
  const b = await callAs(g.memberB, "ticket_create", { p_subject: "B's ticket", p_description: "mine" });
  bTicketNumber = (b.data as { number: number }).number;
});

/** Any of A's data in what an attack got back, or any row it managed to change. */
function leaked(outcome: Outcome): boolean {
  const text = JSON.stringify(outcome.rows);
  return (
    text.includes(g.memberA.sub) ||
    text.includes(secretSubject) ||
    text.includes(secretBody) ||
    text.includes(secretNote) ||
    text.includes(`"ticket_id":"${aTicket.id}"`)
  );
}

function tableAttacks(): [string, string][] {
  const a = g.memberA.sub;
  const id = aTicket.id;
  const gid = g.guildId;
  return [
    ["select tickets", `select * from public.tickets where guild_id = '${gid}'`],
    ["select messages", "select * from public.ticket_messages"],
    ["select audit", "select * from public.ticket_audit"],
    ["select staff directory", "select * from public.ticket_staff"],
    ["select counters", "select * from public.ticket_guild_counters"],
    [
      "insert a ticket owned by A",
      `insert into public.tickets (guild_id, number, owner_id, subject, description)
         values ('${gid}', 999, '${a}', 'forged', 'forged') returning *`,
    ],
    [
      "insert a message on A's ticket",
      `insert into public.ticket_messages (ticket_id, guild_id, ticket_owner_id, author_id, body)
         values (${id}, '${gid}', '${a}', '${a}', 'forged') returning *`,
    ],
    [
      "insert an audit row",
      `insert into public.ticket_audit (guild_id, ticket_id, ticket_number, action, actor_role)
         values ('${gid}', ${id}, 1, 'closed', 'admin') returning *`,
    ],
    [
      "register as staff",
      `insert into public.ticket_staff (guild_id, user_id, app_role) values ('${gid}', '${snowflake()}', 'admin') returning *`,
    ],
    ["insert a counter", `insert into public.ticket_guild_counters values ('${gid}', 1000) returning *`],
    [
      "update A's ticket",
      `update public.tickets set status = 'closed', closed_at = now() where id = ${id} returning *`,
    ],
    ["update every ticket", "update public.tickets set priority = 'low' returning *"],
    [
      "update A's messages",
      `update public.ticket_messages set body = 'x' where ticket_id = ${id} returning *`,
    ],
    ["update the audit trail", "update public.ticket_audit set actor_id = null returning *"],
    ["update the staff directory", "update public.ticket_staff set app_role = 'admin' returning *"],
    ["update the counters", "update public.ticket_guild_counters set last_number = 0 returning *"],
    ["delete A's ticket", `delete from public.tickets where id = ${id} returning *`],
    ["delete messages", "delete from public.ticket_messages returning *"],
    ["delete the audit trail", "delete from public.ticket_audit returning *"],
    ["delete the staff directory", "delete from public.ticket_staff returning *"],
    ["delete the counters", "delete from public.ticket_guild_counters returning *"],
  ];
}

/** Every ticket function; creating a ticket is only an attack for anon (B may open their own). */
function functionAttacks(anon: boolean): [string, Record<string, unknown>][] {
  const ref = String(aTicket.number);
  const create: [string, Record<string, unknown>][] = [
    ["ticket_create", { p_subject: "x", p_description: "y" }],
  ];
  return [
    ...(anon ? create : []),
    ["ticket_view", { p_ticket: ref }],
    ["ticket_reply", { p_ticket: ref, p_body: "hijack" }],
    ["ticket_close", { p_ticket: ref, p_reason: "hijack" }],
    ["ticket_reopen", { p_ticket: ref }],
    ["ticket_transcript", { p_ticket: ref }],
    ["ticket_transcript", { p_ticket: ref, p_include_internal: true }],
    ["ticket_assign", { p_ticket: ref, p_assignee_id: null }],
    ["ticket_note", { p_ticket: ref, p_body: "hijack" }],
    ["ticket_set_status", { p_ticket: ref, p_status: "closed" }],
    ["ticket_set_priority", { p_ticket: ref, p_priority: "low" }],
    ["ticket_list", {}],
    ["ticket_list", { p_search: "private" }],
    ["ticket_autocomplete", { p_query: "" }],
    ["ticket_autocomplete", { p_query: ref }],
    ["ticket_stats", {}],
    ["ticket_open_counts", {}],
    ["ticket_close_stale", { p_days: 1 }],
  ];
}

describe("ticket isolation in Postgres", () => {
  it("member B, staff of another server and anon get nothing of A's from any table or function", async () => {
    const before = await guildSnapshot(g.guildId);
    const attackers: [string, Caller][] = [
      ["member B", g.memberB],
      ["staff of another server", otherGuildStaff],
      ["anon", "anon"],
    ];
    const results = await attackAll(attackers, tableAttacks, (caller) => functionAttacks(caller === "anon"));

    const leaks = leaksOf(results, ({ outcome }) => leaked(outcome));
    expect(results.length).toBeGreaterThanOrEqual(30);
    expect(leaks).toEqual([]);
    // Nothing an attacker did changed A's data or the guild's records.
    const after = await guildSnapshot(g.guildId);
    expect(after.tickets.filter((t) => t["owner_id"] === g.memberA.sub)).toEqual(
      before.tickets.filter((t) => t["owner_id"] === g.memberA.sub),
    );
    expect(after.messages).toEqual(before.messages);
    expect(after.audit.filter((row) => row["ticket_id"] === aTicket.id)).toEqual(
      before.audit.filter((row) => row["ticket_id"] === aTicket.id),
    );
    expect(after.staff).toEqual(before.staff);
    expect(after.counter).toEqual(before.counter);

    // anon may not even reach the tables or functions.
    expect(allDenied(results, "anon")).toBe(true);
  });

  it("answers B about A's ticket exactly as about a ticket that does not exist", async () => {
    const missing = String(aTicket.number + 1000);
    for (const fn of ["ticket_view", "ticket_reply", "ticket_close", "ticket_reopen", "ticket_transcript"]) {
      const args = (ticket: string) => ({
        p_ticket: ticket,
        ...(fn === "ticket_reply" ? { p_body: "hello" } : {}),
      });
      const theirs = await callAs(g.memberB, fn, args(String(aTicket.number)));
      const nobodys = await callAs(g.memberB, fn, args(missing));
      expect(theirs.error?.message, `${fn}: ${JSON.stringify(theirs)}`).toBe("ticket_not_found");
      expect(theirs.error).toEqual(nobodys.error);
    }
    const otherStaff = await callAs(otherGuildStaff, "ticket_view", { p_ticket: String(aTicket.number) });
    expect(otherStaff.error?.message).toBe("ticket_not_found");
  });

  it("never shows A an internal note, anywhere A can look", async () => {
    const view = await callAs(g.memberA, "ticket_view", { p_ticket: String(aTicket.number) });
    const transcript = await callAs(g.memberA, "ticket_transcript", { p_ticket: String(aTicket.number) });
    const withNotes = await callAs(g.memberA, "ticket_transcript", {
      p_ticket: String(aTicket.number),
      p_include_internal: true,
    });
    const table = await runAs(g.memberA, "select * from public.ticket_messages");
    const audit = await runAs(g.memberA, "select * from public.ticket_audit");
    expect(JSON.stringify(view.data)).toContain(secretBody);
    expect(JSON.stringify([view, transcript, withNotes, table.rows, audit.rows])).not.toContain(secretNote);
    expect((view.data as { audit: unknown }).audit).toBeNull();
    expect(withNotes.error?.message).toBe("staff_only");
    expect(table.rows).toHaveLength(1);
    expect(audit.rows).toEqual([]);
  });

  it("lets staff of the server see both members' tickets and the note", async () => {
    const list = await callAs(g.agent, "ticket_list", {});
    const numbers = (list.data as { items: { number: number }[] }).items.map((t) => t.number).sort();
    expect(numbers).toEqual([aTicket.number, bTicketNumber].sort());
    const view = await callAs(g.agent, "ticket_view", { p_ticket: `#${aTicket.number}` });
    expect(JSON.stringify(view.data)).toContain(secretNote);
    expect((view.data as { audit: unknown[] }).audit.length).toBeGreaterThan(0);
  });

  it("shows B only B's own tickets in lists and autocomplete", async () => {
    const list = await callAs(g.memberB, "ticket_list", {});
    const choices = await callAs(g.memberB, "ticket_autocomplete", { p_query: "" });
    expect(list.data).toMatchObject({ total: 1, items: [{ number: bTicketNumber }] });
    expect(choices.data).toEqual([{ number: bTicketNumber, subject: "B's ticket", status: "open" }]);
  });
});
