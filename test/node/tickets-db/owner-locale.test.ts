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

  it("cannot be changed by staff, nor set to a language Maxis does not speak", async () => {
    const h = newGuild();
    const t = await mustCall<{ number: number }>(h.memberA, "ticket_create", { ...ok, p_locale: "fr" });
    const update = (locale: string) =>
      `update public.tickets set owner_locale = '${locale}' where guild_id = '${h.guildId}' and number = ${t.number} returning owner_locale`;

    for (const staff of [h.agent, h.admin]) {
      const attempt = await runAs(staff, update("en"));
      expect(attempt.error).toMatchObject({
        code: "42501",
        message: "only the ticket owner may change their language",
      });
    }
    // Another member does not even see the ticket to update it.
    expect(await runAs(h.memberB, update("en"))).toMatchObject({ rowCount: 0, error: null });
    expect((await runAs(h.memberA, update("de"))).error?.code).toBe("23514");
    expect(await storedLocale(h.guildId, t.number)).toBe("fr");

    // The member's own language is theirs to change, and the change is audited.
    expect(await runAs(h.memberA, update("en"))).toMatchObject({
      rows: [{ owner_locale: "en" }],
      error: null,
    });
    const last = (await auditRows(h.guildId)).at(-1);
    expect(last).toMatchObject({
      action: "updated",
      actor_id: h.memberA.sub,
      before: { owner_locale: "fr" },
      after: { owner_locale: "en" },
    });
    // Staff acting on the ticket afterwards leave it alone.
    await mustCall(h.agent, "ticket_set_priority", { p_ticket: String(t.number), p_priority: "low" });
    expect(await storedLocale(h.guildId, t.number)).toBe("en");
    expect((await callAs(h.memberA, "ticket_view", { p_ticket: String(t.number) })).data).toMatchObject({
      ticket: { ownerLocale: "en" },
    });
  });
});
