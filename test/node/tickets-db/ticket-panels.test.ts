/**
 * Ticket panels in Postgres (20261202030000): where an admin's panel is, recorded and audited; a
 * ticket opened from a category's form keeps its answers, in the same transaction as the ticket and
 * through ticket_create's own checks; the answers are read with the ticket and by nobody else.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callAs, mustCall, newGuild, type Person, snowflake, superuser } from "./db";

afterAll(() => superuser.end());

const g = newGuild();
const billingRole = snowflake();
const answers = [
  { question: "Invoice number", answer: "INV-2026-042" },
  { question: "What went wrong?", answer: "Charged twice" },
];

beforeAll(async () => {
  await mustCall("service_role", "server_settings_ensure", { p_guild_id: g.guildId, p_defaults: {} });
  await mustCall(g.admin, "ticket_category_update", {
    p_key: "billing",
    p_changes: { staffRoleIds: [billingRole] },
  });
  await mustCall(g.admin, "ticket_category_update", { p_key: "bug", p_changes: { enabled: false } });
});

const createFromForm = (who: Person, category: string, given: unknown = JSON.stringify(answers)) =>
  callAs(who, "ticket_create_with_answers", {
    p_subject: "Billing: INV-2026-042",
    p_description: "Invoice number\nINV-2026-042",
    p_category: category,
    p_answers: given,
    p_locale: "fr",
  });

const answerRows = async () =>
  (
    await superuser.query("select count(*)::int as n from public.ticket_form_answers where guild_id = $1", [
      g.guildId,
    ])
  ).rows[0]?.n as number;
const ticketRows = async () =>
  (await superuser.query("select count(*)::int as n from public.tickets where guild_id = $1", [g.guildId]))
    .rows[0]?.n as number;

describe("the panel's place", () => {
  it("is recorded by an admin, audited, and refused to staff and to half a place", async () => {
    const channel = snowflake();
    const message = snowflake();
    const settings = await mustCall(g.admin, "server_settings_record_panel", {
      p_channel_id: channel,
      p_message_id: message,
    });
    expect(settings).toMatchObject({ panelChannelId: channel, panelMessageId: message });
    const { rows } = await superuser.query(
      "select action, actor_id, before, after from public.server_settings_audit where guild_id = $1 order by id desc limit 1",
      [g.guildId],
    );
    expect(rows[0]).toMatchObject({
      action: "settings_changed",
      actor_id: g.admin.sub,
      before: { panelChannelId: null, panelMessageId: null },
      after: { panelChannelId: channel, panelMessageId: message },
    });
    const agent = await callAs(g.agent, "server_settings_record_panel", {
      p_channel_id: snowflake(),
      p_message_id: snowflake(),
    });
    expect(agent.error?.message).toBe("admin_only");
    const half = await callAs(g.admin, "server_settings_record_panel", {
      p_channel_id: snowflake(),
      p_message_id: null,
    });
    expect(half.error?.message).toBe("invalid_panel");
    // server_settings_update still does not take the panel's place.
    const update = await callAs(g.admin, "server_settings_update", {
      p_changes: { panelMessageId: snowflake() },
    });
    expect(update.error?.message).toBe("invalid_settings");
  });
});

describe("a ticket from a category's form", () => {
  it("keeps its answers, read by its owner and the category's staff only", async () => {
    const { data, error } = await createFromForm(g.memberA, "billing");
    expect(error).toBeNull();
    const ticket = data as { number: number; category: string; ownerLocale: string; answers: unknown };
    expect(ticket).toMatchObject({ category: "billing", ownerLocale: "fr", answers });

    const read = (who: Person) =>
      superuser.connect().then(async (client) => {
        try {
          await client.query("begin");
          await client.query("set local role authenticated");
          await client.query("select set_config('request.jwt.claims', $1, true)", [
            JSON.stringify({
              sub: who.sub,
              role: "authenticated",
              app_role: who.appRole,
              guild_id: who.guildId,
              roles: who.roles ?? [],
            }),
          ]);
          const { rows } = await client.query(
            "select a.answers from public.ticket_form_answers a join public.tickets t on t.id = a.ticket_id where t.number = $1",
            [ticket.number],
          );
          await client.query("rollback");
          return rows.map((r) => r.answers);
        } finally {
          client.release();
        }
      });
    expect(await read(g.memberA)).toEqual([answers]);
    expect(await read({ ...g.agent, roles: [billingRole] })).toEqual([answers]);
    expect(await read(g.admin)).toEqual([answers]);
    expect(await read(g.memberB)).toEqual([]);
    expect(await read(g.agent)).toEqual([]);
    expect(await read({ ...g.admin, guildId: snowflake() })).toEqual([]);
  });

  it("goes through ticket_create's checks: nothing is written for a disabled category or the limit", async () => {
    const tickets = await ticketRows();
    const stored = await answerRows();
    expect((await createFromForm(g.memberB, "bug")).error?.message).toBe("category_disabled");
    const limited: Person = { ...g.memberB, sub: snowflake() };
    await mustCall(g.admin, "server_settings_update", { p_changes: { openTicketLimit: 1 } });
    expect((await createFromForm(limited, "general")).error).toBeNull();
    expect((await createFromForm(limited, "general")).error?.message).toBe("too_many_open_tickets");
    await mustCall(g.admin, "server_settings_update", { p_changes: { openTicketLimit: 5 } });
    expect(await ticketRows()).toBe(tickets + 1);
    expect(await answerRows()).toBe(stored + 1);
  });

  it("refuses malformed answers before opening anything", async () => {
    const tickets = await ticketRows();
    for (const given of [
      "[]",
      JSON.stringify(Array.from({ length: 6 }, () => answers[0])),
      JSON.stringify([{ question: "", answer: "x" }]),
      JSON.stringify([{ question: "Q", answer: "x".repeat(4001) }]),
      JSON.stringify([{ question: "Q", answer: 42 }]),
      JSON.stringify({ question: "Q", answer: "x" }),
    ]) {
      const { error } = await createFromForm(g.memberA, "general", given);
      expect(error?.message, given.slice(0, 60)).toMatch(/^invalid_(answers|question_label)$/);
    }
    expect(await ticketRows()).toBe(tickets);
  });
});
