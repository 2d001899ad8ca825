/**
 * Upgrading to per-server settings (issue 11) keeps what a running Maxis already holds: a database at
 * the schema before 20261201010000 gets tickets, messages, notes, staff and audit rows the old way,
 * then the new migrations run; everything is still there and still answers as before.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { oldSchemaDatabase } from "./old-schema";

const old = oldSchemaDatabase("settings_upgrade", "20261201010000");
const { db, as } = old;

const guild = "1500000000000000001";
const owner = { sub: "1500000000000000002", app_role: "member", guild_id: guild };
const agent = { sub: "1500000000000000003", app_role: "agent", guild_id: guild };

/** The guild's tickets, messages, audit and staff rows, as the superuser reads them. */
const guildRows = () =>
  db.query(
    `select (select json_agg(t order by id) from public.tickets t where guild_id = $1) as tickets,
            (select json_agg(m order by id) from public.ticket_messages m where guild_id = $1) as messages,
            (select json_agg(a order by id) from public.ticket_audit a where guild_id = $1) as audit,
            (select json_agg(s) from public.ticket_staff s where guild_id = $1) as staff`,
    [guild],
  );

beforeAll(() => old.create());
afterAll(() => old.drop());

describe("the settings migrations", () => {
  it("keep tickets, threads, notes, staff and audit rows written before them", async () => {
    const [created] = await as(
      owner,
      "select public.ticket_create('Old ticket', 'from before the upgrade', 'billing') as t",
    );
    const number = String((created?.["t"] as { number: number } | undefined)?.number);
    await as(owner, "select public.ticket_reply($1, 'member reply')", [number]);
    await as(agent, "select public.ticket_note($1, 'staff note')", [number]);
    await as(agent, "select public.ticket_assign($1, $2)", [number, agent.sub]);
    const before = await guildRows();

    const upgraded = await old.upgrade();
    expect(upgraded.applied).toContain("20261201010000_server_settings.sql");
    expect(upgraded.applied).toContain("20261201010100_ticket_category_staff.sql");

    const after = await guildRows();
    // Every value written before is still there; later migrations may add columns beside them.
    expect(after.rows).toMatchObject(before.rows);

    // Still there for the people who could see it: the owner, and staff of a server with no settings
    // yet (its categories have no staff roles of their own).
    const view = await as(agent, "select public.ticket_view($1) as v", [number]);
    expect(view[0]?.["v"]).toMatchObject({
      ticket: { subject: "Old ticket", category: "billing", assigneeId: agent.sub },
      messages: [{ body: "member reply" }, { body: "staff note", isInternal: true }],
    });
    const mine = await as(owner, "select public.ticket_list() as l");
    expect(mine[0]?.["l"]).toMatchObject({ total: 1 });
  });
});
