/**
 * The owner's language on a ticket: stored when the member opens it, returned with every ticket (so
 * Maxis can write the member's DMs in it from anywhere), and theirs alone to change.
 */
import { afterAll, describe, expect, it } from "vitest";
import { auditRows, callAs, mustCall, newGuild, runAs, superuser } from "./db";

afterAll(() => superuser.end());

const ok = { p_subject: "Facture en double", p_description: "Débité deux fois" };
const storedLocale = async (guildId: string, number: number) =>
  (
    await superuser.query<{ owner_locale: string }>(
      "select owner_locale from public.tickets where guild_id = $1 and number = $2",
      [guildId, number],
    )
  ).rows[0]?.owner_locale;

describe("the ticket owner's language", () => {
  const g = newGuild();

  it("is stored as the member opened the ticket, English when not said, and returned everywhere", async () => {
    const french = await mustCall<{ number: number; ownerLocale: string }>(g.memberA, "ticket_create", {
      ...ok,
      p_locale: "fr",
    });
    const unsaid = await mustCall<{ number: number; ownerLocale: string }>(g.memberB, "ticket_create", ok);
    expect([french.ownerLocale, unsaid.ownerLocale]).toEqual(["fr", "en"]);
    expect(await storedLocale(g.guildId, french.number)).toBe("fr");
    expect(await storedLocale(g.guildId, unsaid.number)).toBe("en");

    // Staff see it wherever they get the ticket: the list, the view, and the answers to their actions.
    const list = await mustCall<{ items: { number: number; ownerLocale: string }[] }>(g.agent, "ticket_list");
    expect(list.items.map((t) => [t.number, t.ownerLocale])).toEqual([
      [unsaid.number, "en"],
      [french.number, "fr"],
    ]);
    const view = await mustCall<{ ticket: { ownerLocale: string } }>(g.agent, "ticket_view", {
      p_ticket: String(french.number),
    });
    expect(view.ticket.ownerLocale).toBe("fr");
    const reply = await mustCall<{ ticket: { ownerLocale: string } }>(g.agent, "ticket_reply", {
      p_ticket: String(french.number),
      p_body: "Nous regardons.",
    });
    expect(reply.ticket.ownerLocale).toBe("fr");
    const closed = await mustCall<{ ownerLocale: string }>(g.agent, "ticket_close", {
      p_ticket: String(french.number),
    });
    expect(closed.ownerLocale).toBe("fr");

    // The creation's audit row records it with the rest of the new ticket.
    const [created] = (await auditRows(g.guildId)).filter(
      (row) => row.ticket_number === french.number && row.action === "created",
    );
    expect(created?.after).toMatchObject({ owner_locale: "fr", owner_id: g.memberA.sub });
  });

  it("cannot be changed directly by anyone, staff or owner; staff actions leave it alone", async () => {
    const h = newGuild();
    const t = await mustCall<{ number: number }>(h.memberA, "ticket_create", { ...ok, p_locale: "fr" });
    const update = (locale: string) =>
      `update public.tickets set owner_locale = '${locale}' where guild_id = '${h.guildId}' and number = ${t.number} returning owner_locale`;

    // No API role writes tickets directly (20261130150000): the language is set once, by ticket_create.
    for (const caller of [h.agent, h.admin, h.memberB, h.memberA]) {
      expect((await runAs(caller, update("en"))).error?.code, caller.appRole).toBe("42501");
    }
    expect((await runAs(h.memberA, update("de"))).error?.code).toBe("42501");
    expect(await storedLocale(h.guildId, t.number)).toBe("fr");

    await mustCall(h.agent, "ticket_set_priority", { p_ticket: String(t.number), p_priority: "low" });
    await mustCall(h.agent, "ticket_reply", { p_ticket: String(t.number), p_body: "On it" });
    expect(await storedLocale(h.guildId, t.number)).toBe("fr");
    expect((await callAs(h.memberA, "ticket_view", { p_ticket: String(t.number) })).data).toMatchObject({
      ticket: { ownerLocale: "fr" },
    });
  });
});
