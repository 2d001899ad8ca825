/**
 * Canned replies in Postgres (20261202040000_ticket_snippets.sql): admins manage them, every change
 * audited; staff list, autocomplete and draft them in the ticket's language; members and other servers
 * get nothing, and nothing of A's changes whoever tries.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allDenied, attackAll, leaksOf } from "./attacks";
import { type Caller, callAs, mustCall, newGuild, type Person, snowflake, superuser } from "./db";

const a = newGuild();
const b = newGuild();
const secretText = "A's refund wording: contact billing@a.example";
let snippetId: number;
let frenchTicket: number;
let englishTicket: number;

afterAll(() => superuser.end());

beforeAll(async () => {
  for (const guild of [a, b]) {
    await mustCall("service_role", "server_settings_ensure", { p_guild_id: guild.guildId, p_defaults: {} });
  }
  const created = await mustCall<{ id: number }>(a.admin, "ticket_snippet_create", {
    p_name: "Refund",
    p_body_en: `Hello {member}, ${secretText}`,
    p_body_fr: "Bonjour {member}, voici le remboursement du ticket {ticket}.",
  });
  snippetId = created.id;
  frenchTicket = (
    await mustCall<{ number: number }>(a.memberA, "ticket_create", {
      p_subject: "Remboursement",
      p_description: "où est-il ?",
      p_locale: "fr",
    })
  ).number;
  englishTicket = (
    await mustCall<{ number: number }>(a.memberB, "ticket_create", {
      p_subject: "Refund",
      p_description: "where?",
    })
  ).number;
});

const codeOf = async (caller: Caller, fn: string, args: Record<string, unknown>) =>
  (await callAs(caller, fn, args)).error?.message;

describe("managing snippets", () => {
  it("an admin creates, renames and deletes; each change is one audit row with who, before and after", async () => {
    const made = await mustCall<{ id: number; name: string }>(a.admin, "ticket_snippet_create", {
      p_name: "  Greeting ",
      p_body_en: "Hi {member}",
      p_body_fr: "",
    });
    expect(made.name).toBe("Greeting");
    const renamed = await mustCall<{ name: string; bodyFr: string }>(a.admin, "ticket_snippet_update", {
      p_id: made.id,
      p_name: "Welcome",
      p_body_en: "Hi {member}",
      p_body_fr: "Salut {member}",
    });
    expect(renamed).toMatchObject({ name: "Welcome", bodyFr: "Salut {member}" });
    await mustCall(a.admin, "ticket_snippet_delete", { p_id: made.id });
    const { rows } = await superuser.query(
      "select action, actor_id, before->>'name' as before, after->>'name' as after from public.ticket_snippet_audit where snippet_id = $1 order by id",
      [made.id],
    );
    expect(rows).toEqual([
      { action: "created", actor_id: a.admin.sub, before: null, after: "Greeting" },
      { action: "updated", actor_id: a.admin.sub, before: "Greeting", after: "Welcome" },
      { action: "deleted", actor_id: a.admin.sub, before: "Welcome", after: null },
    ]);
  });

  it("refuses bad fields with stable codes, and a second snippet of the same name in any case", async () => {
    const create = (name: string, en: string, fr = "") =>
      codeOf(a.admin, "ticket_snippet_create", { p_name: name, p_body_en: en, p_body_fr: fr });
    expect(await create("", "x")).toBe("invalid_snippet_name");
    expect(await create("x".repeat(51), "x")).toBe("invalid_snippet_name");
    expect(await create("two\nlines", "x")).toBe("invalid_snippet_name");
    expect(await create("Empty", "  ", "")).toBe("snippet_empty");
    expect(await create("Long", "x".repeat(2001))).toBe("snippet_too_long");
    expect(await create("refund", "again")).toBe("snippet_name_taken");
    // The same name on another server is another snippet.
    expect(await create("Refund", "B's own")).toBe("snippet_name_taken");
    expect(
      (await callAs(b.admin, "ticket_snippet_create", { p_name: "Refund", p_body_en: "B's", p_body_fr: "" }))
        .error,
    ).toBeNull();
  });

  it("agents use snippets but do not change them", async () => {
    expect(
      await codeOf(a.agent, "ticket_snippet_create", { p_name: "Mine", p_body_en: "x", p_body_fr: "" }),
    ).toBe("admin_only");
    expect(
      await codeOf(a.agent, "ticket_snippet_update", {
        p_id: snippetId,
        p_name: "X",
        p_body_en: "x",
        p_body_fr: "",
      }),
    ).toBe("admin_only");
    expect(await codeOf(a.agent, "ticket_snippet_delete", { p_id: snippetId })).toBe("admin_only");
    expect(await mustCall<{ name: string }[]>(a.agent, "ticket_snippet_list")).toContainEqual(
      expect.objectContaining({ name: "Refund" }),
    );
  });
});

describe("using snippets", () => {
  it("autocomplete: at most 25 names containing what was typed, those starting with it first", async () => {
    for (let i = 0; i < 30; i += 1) {
      await mustCall(a.admin, "ticket_snippet_create", {
        p_name: `Step ${String(i).padStart(2, "0")} refund`,
        p_body_en: "x",
        p_body_fr: "",
      });
    }
    const all = await mustCall<string[]>(a.agent, "ticket_snippet_choices", { p_query: "" });
    expect(all).toHaveLength(25);
    const refund = await mustCall<string[]>(a.agent, "ticket_snippet_choices", { p_query: "REF" });
    expect(refund[0]).toBe("Refund");
    expect(refund).toHaveLength(25);
    expect(await mustCall(a.agent, "ticket_snippet_choices", { p_query: "100%_" })).toEqual([]);
    // Members get no suggestions at all (and no error: autocomplete cannot show one).
    expect(await mustCall(a.memberA, "ticket_snippet_choices", { p_query: "" })).toEqual([]);
  });

  it("a draft comes in the ticket's language, the other one when that text is empty", async () => {
    expect(
      await mustCall(a.agent, "ticket_snippet_draft", {
        p_ticket: String(frenchTicket),
        p_snippet: "refund",
      }),
    ).toMatchObject({
      locale: "fr",
      body: "Bonjour {member}, voici le remboursement du ticket {ticket}.",
      ticket: { number: frenchTicket, ownerId: a.memberA.sub },
    });
    expect(
      await mustCall(a.agent, "ticket_snippet_draft", {
        p_ticket: String(englishTicket),
        p_snippet: "Refund",
      }),
    ).toMatchObject({ locale: "en", body: `Hello {member}, ${secretText}` });
    await mustCall(a.admin, "ticket_snippet_create", {
      p_name: "English only",
      p_body_en: "EN",
      p_body_fr: "",
    });
    expect(
      await mustCall(a.agent, "ticket_snippet_draft", {
        p_ticket: String(frenchTicket),
        p_snippet: "english only",
      }),
    ).toMatchObject({ locale: "en", body: "EN" });
    expect(
      await codeOf(a.agent, "ticket_snippet_draft", { p_ticket: String(frenchTicket), p_snippet: "nope" }),
    ).toBe("snippet_not_found");
    expect(
      await codeOf(a.memberA, "ticket_snippet_draft", {
        p_ticket: String(frenchTicket),
        p_snippet: "Refund",
      }),
    ).toBe("staff_only");
  });
});

describe("snippet isolation", () => {
  const adminOfB: Person = b.admin;
  const attackers: [string, Caller][] = [
    ["admin of server B", adminOfB],
    ["agent of B", b.agent],
    ["member of A", a.memberA],
    ["anon", "anon"],
  ];

  async function snapshot() {
    const q = async (sql: string) => (await superuser.query(sql, [a.guildId])).rows;
    return {
      snippets: await q("select * from public.ticket_snippets where guild_id = $1 order by id"),
      audit: await q("select * from public.ticket_snippet_audit where guild_id = $1 order by id"),
    };
  }

  const tableAttacks = (): [string, string][] => [
    ["select snippets", "select * from public.ticket_snippets"],
    ["select snippet history", "select * from public.ticket_snippet_audit"],
    [
      "insert a snippet into A",
      `insert into public.ticket_snippets (guild_id, name, body_en, created_by) values ('${a.guildId}', 'evil', 'x', '1') returning *`,
    ],
    ["rewrite A's snippets", "update public.ticket_snippets set body_en = 'phish' returning *"],
    ["delete A's snippets", "delete from public.ticket_snippets returning *"],
    [
      "forge history",
      `insert into public.ticket_snippet_audit (guild_id, snippet_id, action, actor_role) values ('${a.guildId}', 1, 'deleted', 'admin') returning *`,
    ],
    ["erase history", "delete from public.ticket_snippet_audit returning *"],
  ];

  const functionAttacks = (): [string, Record<string, unknown>][] => [
    ["ticket_snippet_list", {}],
    ["ticket_snippet_list", { p_query: "Refund" }],
    ["ticket_snippet_choices", { p_query: "Ref" }],
    ["ticket_snippet_draft", { p_ticket: String(englishTicket), p_snippet: "Refund" }],
    ["ticket_snippet_update", { p_id: snippetId, p_name: "Refund", p_body_en: "phish", p_body_fr: "" }],
    ["ticket_snippet_delete", { p_id: snippetId }],
  ];

  it("no attacker reads A's snippets or changes them", async () => {
    const before = await snapshot();
    const results = await attackAll(attackers, tableAttacks, functionAttacks);
    const leaks = leaksOf(results, ({ attempt, outcome }) => {
      const text = JSON.stringify(outcome.rows);
      // B's own staff legitimately read B's snippets and history (a "Refund" of B's), never A's rows.
      const read = /^(select |ticket_snippet_(list|choices))/.test(attempt);
      return (
        text.includes(secretText) ||
        text.includes("Bonjour {member}") ||
        text.includes(a.guildId) ||
        (outcome.rowCount > 0 && !read)
      );
    });
    expect(results.length).toBeGreaterThanOrEqual(52);
    expect(leaks).toEqual([]);
    expect(await snapshot()).toEqual(before);
    expect(allDenied(results, "anon")).toBe(true);
    // B's admin deleting "A's id" finds nothing in B.
    expect(await codeOf(adminOfB, "ticket_snippet_delete", { p_id: snippetId })).toBe("snippet_not_found");
  });

  it("an admin JWT naming server A but signed for a member role changes nothing", async () => {
    const forged: Person = { sub: snowflake(), appRole: "member", guildId: a.guildId };
    expect(await codeOf(forged, "ticket_snippet_delete", { p_id: snippetId })).toBe("admin_only");
    expect(await codeOf(forged, "ticket_snippet_list", {})).toBe("staff_only");
  });
});
