/**
 * Attacks on per-server settings, categories, the member directory and per-category staff, directly in
 * Postgres as PostgREST would run them: an admin of server B (holding, on B, a role with the same id as
 * A's billing role), an agent of A without the billing category's role, a member of A, and anon. Each
 * tries every table (select, insert, update, delete) and every settings function. Nothing secret of A's
 * may come back to someone not entitled to it, and nothing of A's may change. Ticket panels
 * (20261202030000) add the panel's place and the answers of a category's form.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allDenied, attackAll, leaksOf } from "./attacks";
import { type Caller, mustCall, newGuild, type Person, snowflake, superuser } from "./db";

const a = newGuild();
const staffRole = snowflake();
const billingRole = snowflake();
const staffChannel = snowflake();
const secretPanel = "A's secret panel text";
const secretSubject = "A's billing secret";
const secretNote = "card ending 4242";
const directoryName = "Alice From Accounting";
const directoryId = snowflake();
const secretAnswer = "IBAN FR76 secret";
const panelChannel = snowflake();
const panelMessage = snowflake();
let billingNumber: number;
let formNumber: number;

const adminOfB: Person = { sub: snowflake(), appRole: "admin", guildId: snowflake(), roles: [billingRole] };
const agentWithoutRole: Person = { ...a.agent, roles: [staffRole] };
const memberOfA: Person = a.memberB;

afterAll(() => superuser.end());

beforeAll(async () => {
  await mustCall("service_role", "server_settings_ensure", {
    p_guild_id: a.guildId,
    p_defaults: { staffRoleIds: [staffRole], staffChannelId: staffChannel },
  });
  await mustCall(a.admin, "server_settings_update", { p_changes: { panelText: secretPanel } });
  await mustCall(a.admin, "ticket_category_update", {
    p_key: "billing",
    p_changes: { staffRoleIds: [billingRole] },
  });
  await mustCall("service_role", "server_members_sync", {
    p_guild_id: a.guildId,
    p_members: JSON.stringify([{ id: directoryId, name: directoryName, roles: [billingRole] }]),
  });
  const created = await mustCall<{ number: number }>(a.memberA, "ticket_create", {
    p_subject: secretSubject,
    p_description: "billing description",
    p_category: "billing",
  });
  billingNumber = created.number;
  await mustCall(a.admin, "ticket_note", { p_ticket: String(billingNumber), p_body: secretNote });
  await mustCall(a.admin, "server_settings_record_panel", {
    p_channel_id: panelChannel,
    p_message_id: panelMessage,
  });
  await mustCall(a.admin, "ticket_category_update", { p_key: "suggestion", p_changes: { enabled: false } });
  const fromForm = await mustCall<{ number: number }>(a.memberA, "ticket_create_with_answers", {
    p_subject: "Billing: refund",
    p_description: "Your bank account\nsee answers",
    p_category: "billing",
    p_answers: JSON.stringify([{ question: "Your bank account", answer: secretAnswer }]),
  });
  formNumber = fromForm.number;
});

/** What each attacker must never see: A's settings (all but A's agent), and the billing ticket. */
function secretsFor(who: string): string[] {
  const ticket = [secretSubject, secretNote, "billing description", secretAnswer];
  if (who === "agent without the billing role") return [...ticket, directoryName, directoryId];
  return [
    ...ticket,
    staffRole,
    billingRole,
    staffChannel,
    secretPanel,
    directoryName,
    directoryId,
    panelChannel,
    panelMessage,
  ];
}

async function snapshot() {
  const q = async (sql: string) => (await superuser.query(sql, [a.guildId])).rows;
  return {
    settings: await q("select * from public.server_settings where guild_id = $1"),
    categories: await q("select * from public.ticket_categories where guild_id = $1 order by key"),
    audit: await q("select * from public.server_settings_audit where guild_id = $1 order by id"),
    members: await q("select * from public.server_members where guild_id = $1 order by user_id"),
    tickets: await q("select * from public.tickets where guild_id = $1 order by id"),
    answers: await q("select * from public.ticket_form_answers where guild_id = $1 order by ticket_id"),
  };
}

function tableAttacks(): [string, string][] {
  const gid = a.guildId;
  return [
    ["select settings", "select * from public.server_settings"],
    ["select categories", "select * from public.ticket_categories"],
    ["select settings audit", "select * from public.server_settings_audit"],
    ["select member directory", "select * from public.server_members"],
    [
      "select billing tickets",
      `select * from public.tickets where guild_id = '${gid}' and category = 'billing'`,
    ],
    ["select notes", "select * from public.ticket_messages where is_internal"],
    ["select ticket audit", "select * from public.ticket_audit"],
    [
      "insert settings for A",
      `insert into public.server_settings (guild_id, staff_role_ids) values ('${gid}', '{${adminOfB.sub}}') returning *`,
    ],
    [
      "insert a category",
      `insert into public.ticket_categories (guild_id, key, label_en, label_fr) values ('${gid}', 'bug', 'x', 'x') returning *`,
    ],
    [
      "insert an audit row",
      `insert into public.server_settings_audit (guild_id, action, actor_role, after) values ('${gid}', 'created', 'admin', '{}') returning *`,
    ],
    [
      "insert myself in the directory",
      `insert into public.server_members (guild_id, user_id, display_name, role_ids) values ('${gid}', '${adminOfB.sub}', 'me', '{${billingRole}}') returning *`,
    ],
    [
      "make myself staff",
      `update public.server_settings set staff_role_ids = '{${billingRole}}' where guild_id = '${gid}' returning *`,
    ],
    [
      "open the billing category to all",
      "update public.ticket_categories set staff_role_ids = '{}' returning *",
    ],
    ["rewrite the settings audit", "update public.server_settings_audit set actor_id = null returning *"],
    ["give myself the billing role", "update public.server_members set role_ids = '{}' returning *"],
    ["delete settings", "delete from public.server_settings returning *"],
    ["delete categories", "delete from public.ticket_categories returning *"],
    ["delete the settings audit", "delete from public.server_settings_audit returning *"],
    ["delete the directory", "delete from public.server_members returning *"],
    ["select form answers", "select * from public.ticket_form_answers"],
    [
      "insert form answers on A's ticket",
      `insert into public.ticket_form_answers (ticket_id, guild_id, answers) select id, guild_id, '[{"question":"q","answer":"a"}]' from public.tickets where guild_id = '${gid}' returning *`,
    ],
    ["rewrite form answers", `update public.ticket_form_answers set answers = '[]' returning *`],
    ["delete form answers", "delete from public.ticket_form_answers returning *"],
    [
      "move A's panel",
      `update public.server_settings set panel_channel_id = '${adminOfB.sub}', panel_message_id = '${adminOfB.sub}' returning *`,
    ],
  ];
}

function functionAttacks(): [string, Record<string, unknown>][] {
  const ref = String(billingNumber);
  return [
    ["server_settings_view", {}],
    ["server_settings_update", { p_changes: { staffRoleIds: [billingRole] } }],
    ["server_settings_update", { p_changes: { staffChannelId: snowflake() } }],
    ["ticket_category_update", { p_key: "billing", p_changes: { staffRoleIds: [] } }],
    ["ticket_category_update", { p_key: "general", p_changes: { enabled: false } }],
    ["server_settings_ensure", { p_guild_id: a.guildId, p_defaults: { staffRoleIds: [billingRole] } }],
    [
      "server_members_sync",
      {
        p_guild_id: a.guildId,
        p_members: JSON.stringify([{ id: directoryId, name: "renamed", roles: [], admin: true }]),
        p_complete: true,
      },
    ],
    ["ticket_assignee_pool", { p_ticket: ref }],
    ["ticket_assignees", {}],
    ["ticket_assignees", { p_category: "billing" }],
    ["ticket_view", { p_ticket: ref }],
    ["ticket_transcript", { p_ticket: ref, p_include_internal: true }],
    ["ticket_reply", { p_ticket: ref, p_body: "hijack" }],
    ["ticket_note", { p_ticket: ref, p_body: "hijack" }],
    ["ticket_assign", { p_ticket: ref, p_assignee_id: null }],
    ["ticket_assign", { p_ticket: ref, p_assignee_id: directoryId }],
    ["ticket_set_status", { p_ticket: ref, p_status: "closed" }],
    ["ticket_set_priority", { p_ticket: ref, p_priority: "low" }],
    ["ticket_close", { p_ticket: ref }],
    ["ticket_list", { p_category: "billing" }],
    ["ticket_list", { p_search: "secret" }],
    ["ticket_autocomplete", { p_query: "billing" }],
    ["ticket_stats", {}],
    ["server_settings_record_panel", { p_channel_id: snowflake(), p_message_id: snowflake() }],
    ["server_settings_record_panel", { p_channel_id: null, p_message_id: null }],
    [
      "ticket_create_with_answers",
      {
        p_subject: "Suggestion: x",
        p_description: "x",
        p_category: "suggestion",
        p_answers: JSON.stringify([{ question: "Idea", answer: "x" }]),
      },
    ],
    ["ticket_view", { p_ticket: String(formNumber) }],
    ["ticket_transcript", { p_ticket: String(formNumber), p_include_internal: true }],
  ];
}

describe("settings, categories and per-category staff isolation", () => {
  it("no attacker gets A's secrets or changes anything of A's", async () => {
    const before = await snapshot();
    const attackers: [string, Caller][] = [
      ["admin of server B", adminOfB],
      ["agent without the billing role", agentWithoutRole],
      ["member of A", memberOfA],
      ["anon", "anon"],
    ];
    const results = await attackAll(attackers, tableAttacks, functionAttacks);
    const leaks = leaksOf(results, ({ who, attempt, outcome }) => {
      const text = JSON.stringify(outcome.rows);
      // A's staff read A's settings and categories; nobody else gets a row back or changes one.
      const allowed =
        who === "agent without the billing role" && /^select (settings|categories)$/.test(attempt);
      return secretsFor(who).some((secret) => text.includes(secret)) || (outcome.rowCount > 0 && !allowed);
    });
    expect(results.length).toBeGreaterThanOrEqual(200);
    expect(leaks).toEqual([]);
    expect(await snapshot()).toEqual(before);
    expect(allDenied(results, "anon")).toBe(true);
  });

  it("A's agent without the role reads A's settings but not the billing ticket, which A's billing staff see", async () => {
    expect(await mustCall(agentWithoutRole, "server_settings_view")).toMatchObject({
      staffRoleIds: [staffRole],
    });
    const billingAgent: Person = { ...a.agent, sub: snowflake(), roles: [staffRole, billingRole] };
    expect(await mustCall(billingAgent, "ticket_view", { p_ticket: String(billingNumber) })).toMatchObject({
      ticket: { subject: secretSubject },
    });
  });
});
