/**
 * Opening categories to each server's own (20261203030000) keeps what a running Maxis holds: a
 * database at the schema before it gets settings, tickets in the six categories (in a server with
 * settings and in one without) and audit rows, then the migration runs; everything is still there,
 * the old tickets still answer, and the server can add a category of its own.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { oldSchemaDatabase } from "./old-schema";

const old = oldSchemaDatabase("categories_upgrade", "20261203030000");
const { db, as } = old;

const withSettings = "1500000000000000101";
const withoutSettings = "1500000000000000102";
const person = (sub: string, app_role: string, guild_id: string) => ({ sub, app_role, guild_id });
const owner = person("1500000000000000103", "member", withSettings);
const admin = person("1500000000000000104", "admin", withSettings);
const ownerElsewhere = person("1500000000000000105", "member", withoutSettings);
const agentElsewhere = person("1500000000000000106", "agent", withoutSettings);

const snapshot = async () =>
  (
    await db.query(
      `select (select json_agg(t order by id) from public.tickets t) as tickets,
              (select json_agg(k order by guild_id, key) from public.ticket_categories k) as categories,
              (select json_agg(a order by id) from public.server_settings_audit a) as settings_audit,
              (select json_agg(a order by id) from public.ticket_audit a) as ticket_audit`,
    )
  ).rows;

beforeAll(() => old.create());
afterAll(() => old.drop());

describe("the custom-categories migration", () => {
  it("keeps tickets in the six categories, the categories and their audit, and opens new keys", async () => {
    await as({ role: "service_role" }, "select public.server_settings_ensure($1, '{}')", [withSettings]);
    await as(admin, "select public.ticket_category_update('bug', '{\"labelFr\": \"Bogue\"}')");
    for (const category of ["general", "billing", "technical", "bug", "account", "suggestion"]) {
      await as(
        { ...owner, sub: `15000000000000002${category.length}0` },
        "select public.ticket_create('Old', 'd', $1)",
        [category],
      );
    }
    await as(ownerElsewhere, "select public.ticket_create('Elsewhere', 'd', 'suggestion')");
    const before = await snapshot();

    const upgraded = await old.upgrade();
    expect(upgraded.applied).toContain("20261203030000_custom_ticket_categories.sql");
    expect(await snapshot()).toEqual(before);

    // The old tickets still answer, as before, to those who could see them.
    const elsewhere = await as(agentElsewhere, "select public.ticket_list() as l");
    expect(elsewhere[0]?.["l"]).toMatchObject({ total: 1, items: [{ category: "suggestion" }] });
    const all = await as(admin, "select public.ticket_stats() as s");
    expect(all[0]?.["s"]).toMatchObject({
      allTime: { byCategory: { general: 1, billing: 1, technical: 1, bug: 1, account: 1, suggestion: 1 } },
    });
    // A server without settings still takes the six, and only them.
    await as(ownerElsewhere, "select public.ticket_create('New', 'd', 'billing')");
    await expect(as(ownerElsewhere, "select public.ticket_create('New', 'd', 'events')")).rejects.toThrow(
      "invalid_category",
    );
    // A server with settings adds its own, and members open tickets in it.
    await as(admin, `select public.ticket_category_create('{"labelEn": "Events", "labelFr": "Événements"}')`);
    const [created] = await as(owner, "select public.ticket_create('New', 'd', 'events') as t");
    expect(created?.["t"]).toMatchObject({ category: "events" });
  });
});
