/**
 * Per-server settings and categories (issue 11): created by Maxis from the environment's defaults,
 * read by the server's staff, changed by its admins (each change audited with who, before and after),
 * and what they change: the open-ticket limit and the categories members may open tickets in.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callAs, mustCall, newGuild, snowflake, superuser } from "./db";
import { ensure, type Settings, settingsAudit } from "./settings-support";

afterAll(() => superuser.end());

describe("server settings", () => {
  const g = newGuild();
  const staffRole = snowflake();
  const staffChannel = snowflake();

  beforeAll(async () => {
    await ensure(g.guildId, { staffRoleIds: [staffRole], staffChannelId: staffChannel, defaultLocale: "fr" });
  });

  it("start from the environment's defaults with the six categories, created once", async () => {
    const again = await ensure(g.guildId, { staffRoleIds: [snowflake()], staffChannelId: null });
    expect(again).toMatchObject({
      guildId: g.guildId,
      staffRoleIds: [staffRole],
      staffChannelId: staffChannel,
      openTicketLimit: 5,
      dmNotifications: true,
      defaultLocale: "fr",
    });
    expect(again.categories.map((c) => c.key)).toEqual([
      "general",
      "billing",
      "technical",
      "bug",
      "account",
      "suggestion",
    ]);
    expect(again.categories[1]).toMatchObject({ labelEn: "Billing", labelFr: "Facturation", enabled: true });
    expect(await settingsAudit(g.guildId)).toEqual([
      expect.objectContaining({ action: "created", actor_role: "service_role", before: null }),
    ]);
  });

  it("are created by Maxis's system identity only", async () => {
    const other = snowflake();
    for (const caller of [g.admin, g.agent, g.memberA, "anon"] as const) {
      const { error } = await callAs(caller, "server_settings_ensure", { p_guild_id: other, p_defaults: {} });
      expect(error).not.toBeNull();
    }
    const { rows } = await superuser.query("select 1 from public.server_settings where guild_id = $1", [
      other,
    ]);
    expect(rows).toEqual([]);
  });

  it("are read by the server's staff, not by its members", async () => {
    expect(await mustCall(g.agent, "server_settings_view")).toMatchObject({ staffRoleIds: [staffRole] });
    expect((await callAs(g.memberA, "server_settings_view")).error?.message).toBe("staff_only");
    const choices = await mustCall<{ categories: Record<string, unknown>[] }>(
      g.memberA,
      "ticket_category_choices",
    );
    expect(choices.categories).toHaveLength(6);
    expect(JSON.stringify(choices)).not.toContain(staffRole);
  });

  it("are changed by admins only, each change audited with who, before and after", async () => {
    const newRole = snowflake();
    const changes = { staffRoleIds: [newRole, staffRole], openTicketLimit: 2, dmNotifications: false };
    expect((await callAs(g.agent, "server_settings_update", { p_changes: changes })).error?.message).toBe(
      "admin_only",
    );
    const updated = await mustCall<Settings>(g.admin, "server_settings_update", { p_changes: changes });
    expect(updated).toMatchObject({ openTicketLimit: 2, dmNotifications: false });
    expect(new Set(updated.staffRoleIds)).toEqual(new Set([newRole, staffRole]));
    const audit = await settingsAudit(g.guildId);
    expect(audit.at(-1)).toMatchObject({
      action: "settings_changed",
      actor_id: g.admin.sub,
      actor_role: "admin",
      before: { openTicketLimit: 5, dmNotifications: true, staffRoleIds: [staffRole] },
      after: { openTicketLimit: 2, dmNotifications: false },
    });
    // Nothing changed, nothing written.
    await mustCall(g.admin, "server_settings_update", { p_changes: { openTicketLimit: 2 } });
    expect(await settingsAudit(g.guildId)).toHaveLength(audit.length);
  });

  it("refuse bad values with a code per problem, changing nothing", async () => {
    const before = await mustCall(g.admin, "server_settings_view");
    const bad: [Record<string, unknown>, string][] = [
      [{ openTicketLimit: 0 }, "invalid_open_ticket_limit"],
      [{ openTicketLimit: "3" }, "invalid_open_ticket_limit"],
      [{ staffRoleIds: ["not-a-role"] }, "invalid_roles"],
      [{ staffChannelId: "#general" }, "invalid_staff_channel"],
      [{ defaultLocale: "de" }, "invalid_locale"],
      [{ dmNotifications: "yes" }, "invalid_dm_notifications"],
      [{ guildId: snowflake() }, "invalid_settings"],
      [{ panelTitle: "x".repeat(257) }, "invalid_panel_title"],
    ];
    for (const [changes, code] of bad) {
      expect((await callAs(g.admin, "server_settings_update", { p_changes: changes })).error?.message).toBe(
        code,
      );
    }
    expect(await mustCall(g.admin, "server_settings_view")).toEqual(before);
  });

  it("categories: labels, emoji, questions, staff roles and enabled, audited", async () => {
    const questions = [
      { label: "Order number", placeholder: "#1234", style: "short", required: true },
      { label: "What happened?", style: "paragraph", required: false },
    ];
    const changed = await mustCall(g.admin, "ticket_category_update", {
      p_key: "billing",
      p_changes: { labelFr: "Paiements", emoji: "💶", questions },
    });
    expect(changed).toMatchObject({
      labelFr: "Paiements",
      emoji: "💶",
      questions: [questions[0], { ...questions[1], placeholder: null }],
    });
    expect((await settingsAudit(g.guildId)).at(-1)).toMatchObject({
      action: "category_changed",
      category_key: "billing",
      actor_id: g.admin.sub,
      before: { labelFr: "Facturation", emoji: "💳", questions: [] },
      after: { labelFr: "Paiements", emoji: "💶" },
    });
    const six = Array.from({ length: 6 }, () => ({ label: "Q" }));
    for (const [changes, code] of [
      [{ questions: six }, "invalid_questions"],
      [{ questions: [{ label: "" }] }, "invalid_question_label"],
      [{ questions: [{ label: "Q", style: "long" }] }, "invalid_questions"],
      [{ labelEn: " " }, "invalid_label"],
      [{ enabled: "no" }, "invalid_settings"],
    ] as const) {
      expect(
        (await callAs(g.admin, "ticket_category_update", { p_key: "billing", p_changes: changes })).error
          ?.message,
      ).toBe(code);
    }
    expect(
      (await callAs(g.admin, "ticket_category_update", { p_key: "sales", p_changes: { enabled: false } }))
        .error?.message,
    ).toBe("invalid_category");
    expect(
      (await callAs(g.agent, "ticket_category_update", { p_key: "bug", p_changes: { enabled: false } })).error
        ?.message,
    ).toBe("admin_only");
  });

  it("the audit trail is append-only and only admins read it", async () => {
    const changed = await superuser
      .query("update public.server_settings_audit set actor_id = null where guild_id = $1", [g.guildId])
      .catch((error: Error) => error);
    expect(changed).toBeInstanceOf(Error);
    const { rows } = await superuser.query(
      "select count(*)::int as n from public.server_settings_audit where guild_id = $1",
      [g.guildId],
    );
    const { runAs } = await import("./db");
    expect((await runAs(g.admin, "select * from public.server_settings_audit")).rowCount).toBe(
      rows[0]?.["n"],
    );
    expect((await runAs(g.agent, "select * from public.server_settings_audit")).rowCount).toBe(0);
  });
});

describe("what the settings change", () => {
  const g = newGuild();

  beforeAll(async () => {
    await ensure(g.guildId);
  });

  it("the open-ticket limit is the server's", async () => {
    await mustCall(g.admin, "server_settings_update", { p_changes: { openTicketLimit: 1 } });
    await mustCall(g.memberA, "ticket_create", { p_subject: "one", p_description: "first" });
    const { error } = await callAs(g.memberA, "ticket_create", { p_subject: "two", p_description: "second" });
    expect(error).toMatchObject({ message: "too_many_open_tickets" });
    expect(error?.detail).toContain("at most 1");
    // Another server keeps its own limit (5 when Maxis has no settings for it).
    const other = newGuild();
    for (let i = 0; i < 2; i += 1) {
      await mustCall(other.memberA, "ticket_create", { p_subject: `t${i}`, p_description: "d" });
    }
  });

  it("members open tickets only in enabled categories", async () => {
    await mustCall(g.admin, "ticket_category_update", { p_key: "suggestion", p_changes: { enabled: false } });
    const { error } = await callAs(g.memberB, "ticket_create", {
      p_subject: "idea",
      p_description: "dark mode",
      p_category: "suggestion",
    });
    expect(error?.message).toBe("category_disabled");
    const choices = await mustCall<{ categories: { key: string }[] }>(g.memberB, "ticket_category_choices");
    expect(choices.categories.map((c) => c.key)).not.toContain("suggestion");
  });
});
