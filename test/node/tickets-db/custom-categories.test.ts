/**
 * A server's own ticket categories (issue 11 §1, §3): admins add them (at most 25, keys unique per
 * server, each addition audited) and reorder them; members open tickets in them; staff see and
 * count them; a disabled one keeps its tickets; nobody touches another server's.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callAs, mustCall, newGuild, runAs, snowflake, superuser } from "./db";

afterAll(() => superuser.end());

interface Category {
  key: string;
  position: number;
  labelEn: string;
  labelFr: string;
  emoji: string | null;
  enabled: boolean;
  staffRoleIds: string[];
  questions: unknown[];
}

const ensure = (guildId: string) =>
  mustCall("service_role", "server_settings_ensure", { p_guild_id: guildId, p_defaults: {} });

async function lastAudit(guildId: string) {
  const { rows } = await superuser.query(
    "select action, category_key, actor_id, actor_role, before, after from public.server_settings_audit where guild_id = $1 order by id desc limit 1",
    [guildId],
  );
  return rows[0];
}

describe("adding a category", () => {
  const g = newGuild();
  const other = newGuild();
  beforeAll(async () => {
    await ensure(g.guildId);
    await ensure(other.guildId);
  });

  it("takes a key made from the English label, goes last, and is audited", async () => {
    const added = await mustCall<Category>(g.admin, "ticket_category_create", {
      p_category: {
        labelEn: "Partnerships & Sponsors",
        labelFr: "Partenariats",
        emoji: "🤝",
        questions: [{ label: "Your community", style: "short", required: true }],
      },
    });
    expect(added).toMatchObject({
      key: "partnerships-sponsors",
      position: 6,
      labelFr: "Partenariats",
      enabled: true,
      staffRoleIds: [],
      questions: [{ label: "Your community", placeholder: null, style: "short", required: true }],
    });
    expect(await lastAudit(g.guildId)).toMatchObject({
      action: "category_added",
      category_key: "partnerships-sponsors",
      actor_id: g.admin.sub,
      actor_role: "admin",
      before: null,
      after: { key: "partnerships-sponsors", labelEn: "Partnerships & Sponsors" },
    });
    const settings = await mustCall<{ categories: Category[] }>(g.agent, "server_settings_view");
    expect(settings.categories.map((c) => c.key).at(-1)).toBe("partnerships-sponsors");
  });

  it("numbers a generated key that is taken, and refuses a given key that is", async () => {
    const again = await mustCall<Category>(g.admin, "ticket_category_create", {
      p_category: { labelEn: "Partnerships / sponsors", labelFr: "Partenaires" },
    });
    expect(again.key).toBe("partnerships-sponsors-2");
    const duplicate = await callAs(g.admin, "ticket_category_create", {
      p_category: { key: "billing", labelEn: "Money", labelFr: "Argent" },
    });
    expect(duplicate.error?.message).toBe("category_exists");
    const accents = await mustCall<Category>(g.admin, "ticket_category_create", {
      p_category: { labelEn: "Événements", labelFr: "Événements" },
    });
    expect(accents.key).toBe("evenements");
  });

  it("refuses bad keys, labels and forms with a code each", async () => {
    for (const [category, code] of [
      [{ key: "Has Space", labelEn: "A", labelFr: "A" }, "invalid_category_key"],
      [{ key: "-lead", labelEn: "A", labelFr: "A" }, "invalid_category_key"],
      [{ key: "x".repeat(33), labelEn: "A", labelFr: "A" }, "invalid_category_key"],
      [{ labelEn: "", labelFr: "A" }, "invalid_label"],
      [{ labelEn: "A" }, "invalid_label"],
      [
        { labelEn: "A", labelFr: "A", questions: Array.from({ length: 6 }, () => ({ label: "Q" })) },
        "invalid_questions",
      ],
      [{ labelEn: "A", labelFr: "A", guildId: other.guildId }, "invalid_settings"],
    ] as const) {
      expect((await callAs(g.admin, "ticket_category_create", { p_category: category })).error?.message).toBe(
        code,
      );
    }
  });

  it("is for admins only, and only in their own server", async () => {
    const category = { key: "intrusion", labelEn: "Intrusion", labelFr: "Intrusion" };
    for (const caller of [g.agent, g.memberA, "anon"] as const) {
      expect((await callAs(caller, "ticket_category_create", { p_category: category })).error).not.toBeNull();
    }
    // The admin of the other server adds to their own server, never to g's.
    await mustCall(other.admin, "ticket_category_create", { p_category: category });
    const { rows } = await superuser.query(
      "select guild_id from public.ticket_categories where key = 'intrusion'",
    );
    expect(rows.map((r) => r["guild_id"])).toContain(other.guildId);
    expect(rows.map((r) => r["guild_id"])).not.toContain(g.guildId);
    // …and g's staff never see it, nor can open a ticket in it.
    const seen = await mustCall<{ categories: Category[] }>(g.agent, "server_settings_view");
    expect(seen.categories.map((c) => c.key)).not.toContain("intrusion");
    const opened = await callAs(g.memberA, "ticket_create", {
      p_subject: "s",
      p_description: "d",
      p_category: "intrusion",
    });
    expect(opened.error?.message).toBe("invalid_category");
  });

  it("stops at 25 categories per server", async () => {
    const h = newGuild();
    await ensure(h.guildId);
    for (let i = 0; i < 19; i += 1) {
      await mustCall(h.admin, "ticket_category_create", {
        p_category: { labelEn: `Topic ${i}`, labelFr: `Sujet ${i}` },
      });
    }
    const over = await callAs(h.admin, "ticket_category_create", {
      p_category: { labelEn: "One more", labelFr: "Encore" },
    });
    expect(over.error?.message).toBe("too_many_categories");
    const { rows } = await superuser.query(
      "select count(*)::int as n from public.ticket_categories where guild_id = $1",
      [h.guildId],
    );
    expect(rows[0]?.["n"]).toBe(25);
  });

  it("refuses a server Maxis has not served yet", async () => {
    const h = newGuild();
    const added = await callAs(h.admin, "ticket_category_create", {
      p_category: { labelEn: "A", labelFr: "A" },
    });
    expect(added.error?.message).toBe("server_not_set_up");
  });
});

describe("a custom category's tickets", () => {
  const g = newGuild();
  const role = snowflake();
  const roleHolder = { ...g.agent, sub: snowflake(), roles: [role] };
  beforeAll(async () => {
    await ensure(g.guildId);
    await mustCall(g.admin, "ticket_category_create", {
      p_category: { key: "events", labelEn: "Events", labelFr: "Événements" },
    });
    await mustCall(g.admin, "ticket_category_create", {
      p_category: { key: "vip", labelEn: "VIP", labelFr: "VIP", staffRoleIds: [role] },
    });
  });

  it("are opened by members, listed and filtered by staff, and counted in the statistics", async () => {
    const ticket = await mustCall<{ number: number; category: string }>(g.memberA, "ticket_create", {
      p_subject: "Tournament",
      p_description: "Can we host one?",
      p_category: "events",
    });
    expect(ticket.category).toBe("events");
    const list = await mustCall<{ total: number }>(g.agent, "ticket_list", { p_category: "events" });
    expect(list.total).toBe(1);
    const stats = await mustCall<{ allTime: { byCategory: Record<string, number> } }>(
      g.agent,
      "ticket_stats",
    );
    expect(stats.allTime.byCategory).toMatchObject({ events: 1, vip: 0, general: 0 });
  });

  it("of a category with its own staff roles are seen only by those roles and the admins", async () => {
    const vip = await mustCall<{ number: number }>(g.memberB, "ticket_create", {
      p_subject: "VIP",
      p_description: "d",
      p_category: "vip",
    });
    const number = String(vip.number);
    expect((await callAs(g.agent, "ticket_view", { p_ticket: number })).error?.message).toBe(
      "ticket_not_found",
    );
    expect(await mustCall(roleHolder, "ticket_view", { p_ticket: number })).toMatchObject({
      ticket: { category: "vip" },
    });
    expect(await mustCall(g.admin, "ticket_view", { p_ticket: number })).toMatchObject({
      ticket: { category: "vip" },
    });
  });

  it("stay when the category is disabled, which stops new ones", async () => {
    await mustCall(g.admin, "ticket_category_update", { p_key: "events", p_changes: { enabled: false } });
    const refused = await callAs(g.memberB, "ticket_create", {
      p_subject: "s",
      p_description: "d",
      p_category: "events",
    });
    expect(refused.error?.message).toBe("category_disabled");
    const list = await mustCall<{ total: number }>(g.agent, "ticket_list", { p_category: "events" });
    expect(list.total).toBe(1);
    const choices = await mustCall<{ categories: Category[] }>(g.memberA, "ticket_category_choices");
    expect(choices.categories.map((c) => c.key)).not.toContain("events");
    expect(choices.categories.map((c) => c.key)).toContain("vip");
  });

  it("must be one of the ticket's own server's categories, even written directly", async () => {
    const stranger = newGuild();
    const outcome = await superuser
      .query(
        "insert into public.tickets (guild_id, owner_id, subject, description, category) values ($1, $2, 's', 'd', 'events')",
        [stranger.guildId, stranger.memberA.sub],
      )
      .catch((error: Error) => error);
    expect(outcome).toBeInstanceOf(Error);
    expect(String(outcome)).toContain("invalid_category");
  });
});

describe("reordering categories", () => {
  const g = newGuild();
  beforeAll(async () => {
    await ensure(g.guildId);
    await mustCall(g.admin, "ticket_category_create", {
      p_category: { key: "events", labelEn: "Events", labelFr: "Év" },
    });
  });

  it("puts them in the given order, audited once, for admins only", async () => {
    const order = ["events", "general", "bug", "billing", "technical", "account", "suggestion"];
    expect(
      (await callAs(g.agent, "ticket_categories_reorder", { p_keys: JSON.stringify(order) })).error?.message,
    ).toBe("admin_only");
    const reordered = await mustCall<Category[]>(g.admin, "ticket_categories_reorder", {
      p_keys: JSON.stringify(order),
    });
    expect(reordered.map((c) => c.key)).toEqual(order);
    expect(reordered.map((c) => c.position)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(await lastAudit(g.guildId)).toMatchObject({
      action: "categories_reordered",
      actor_id: g.admin.sub,
      before: { order: ["general", "billing", "technical", "bug", "account", "suggestion", "events"] },
      after: { order },
    });
    const choices = await mustCall<{ categories: Category[] }>(g.memberA, "ticket_category_choices");
    expect(choices.categories.map((c) => c.key)).toEqual(order);
  });

  it("must name every category exactly once", async () => {
    const before = await mustCall(g.admin, "server_settings_view");
    for (const keys of [
      ["general"],
      ["events", "general", "bug", "billing", "technical", "account", "account"],
      ["events", "general", "bug", "billing", "technical", "account", "nope"],
      "general",
    ]) {
      expect(
        (await callAs(g.admin, "ticket_categories_reorder", { p_keys: JSON.stringify(keys) })).error?.message,
      ).toBe("invalid_category_order");
    }
    expect(await mustCall(g.admin, "server_settings_view")).toEqual(before);
  });

  it("of server A cannot be changed by server B's admin (B's call reorders B's own)", async () => {
    const other = newGuild();
    await ensure(other.guildId);
    const order = ["events", "general", "bug", "billing", "technical", "account", "suggestion"];
    expect(
      (await callAs({ ...other.admin }, "ticket_categories_reorder", { p_keys: JSON.stringify(order) })).error
        ?.message,
    ).toBe("invalid_category_order");
    const { rowCount } = await runAs(
      other.admin,
      "select * from public.ticket_categories where guild_id = $1",
      [g.guildId],
    );
    expect(rowCount).toBe(0);
  });
});
