/**
 * The member's DMs when staff answer or close a ticket, asserted at the Discord API stand-in: what
 * they carry, from Discord and the dashboard, in the member's language.
 */
import { describe, expect, it } from "vitest";
import { LOCAL_STAFF_CHANNEL_ID } from "../../../scripts/lib/local-identities";
import { api, sessionFor } from "./api-support";
import { dm } from "./tickets-notify-support";
import { dmChannelsOpenedFor, dmsTo, freshCast, inLocale, run, waitForRequests } from "./tickets-support";

describe("DMs to the member", () => {
  it("carry staff replies and closings, never notes, and never the member's own actions", async () => {
    const { memberA, staff } = freshCast();
    // Unique per run: DMs are told apart by their text.
    const subject = `Refund ${memberA.userId}`;
    await run(memberA, `/ticket create subject:${subject} description:Charged twice`);
    await run(memberA, "/ticket reply ticket:1 message:Also, it happened yesterday");
    await run(staff, "/ticket-staff note ticket:1 message:Internal: check Stripe logs");
    await run(staff, "/ticket reply ticket:1 message:Refunded **today** @everyone");

    const reply = await dm(memberA.userId, subject);
    expect(reply.message?.path).toMatch(/^\/channels\/\d+\/messages$/);
    expect(reply.message?.path).not.toBe(`/channels/${LOCAL_STAFF_CHANNEL_ID}/messages`);
    expect(reply.message?.body).toEqual({
      content: `The support team replied to your ticket **#1**: ${subject}`,
      embeds: [
        {
          description: "Refunded \\*\\*today\\*\\* \\@everyone",
          color: 0x57f287,
          footer: { text: "Answer with /ticket reply ticket:1 in the server." },
          timestamp: expect.any(String),
        },
      ],
      allowed_mentions: { parse: [] },
    });

    await run(staff, "/ticket close ticket:1 reason:Refund sent");
    const messagesTo = (count: number) =>
      waitForRequests(
        (all) => dmsTo(memberA.userId, subject)(all).filter((r) => r.path !== "/users/@me/channels"),
        count,
      );
    const [, closing] = await messagesTo(2);
    expect(closing?.body).toEqual({
      content: `Your ticket **#1** was closed by the support team: ${subject}`,
      embeds: [
        {
          description: "**Reason:** Refund sent",
          color: 0x4f545c,
          footer: { text: "Still stuck? Reopen it with /ticket reopen ticket:1 in the server." },
          timestamp: expect.any(String),
        },
      ],
      allowed_mentions: { parse: [] },
    });

    // The member closing their own ticket is not told; staff closing it by status is.
    await run(memberA, "/ticket reopen ticket:1");
    await run(memberA, "/ticket close ticket:1 reason:Never mind");
    await run(staff, "/ticket-staff status ticket:1 status:open");
    await run(staff, "/ticket-staff status ticket:1 status:closed");
    const all = await messagesTo(3);
    expect(all.map((r) => (r.body as { content: string }).content)).toEqual([
      `The support team replied to your ticket **#1**: ${subject}`,
      `Your ticket **#1** was closed by the support team: ${subject}`,
      `Your ticket **#1** was closed by the support team: ${subject}`,
    ]);
    // Three DM channels opened, for those three: nothing for the note or the member's own reply.
    const opened = await waitForRequests(dmChannelsOpenedFor(memberA.userId));
    expect(opened).toHaveLength(3);
    const everything = JSON.stringify(all);
    expect(everything).not.toContain("Stripe");
    expect(everything).not.toContain("yesterday");
    expect(everything).not.toContain("Never mind");
  });

  it("also follow replies and closings made in the dashboard", async () => {
    const { memberA, staff } = freshCast();
    const subject = `Dashboard ${memberA.userId}`;
    await run(memberA, `/ticket create subject:${subject} description:From Discord`);
    const token = await sessionFor(staff);
    expect(
      (await api("/tickets/1/replies", { method: "POST", token, body: { body: "Answered from the web" } }))
        .status,
    ).toBe(201);
    expect(
      (await api("/tickets/1/notes", { method: "POST", token, body: { body: "Web-only note" } })).status,
    ).toBe(201);
    expect((await api("/tickets/1/close", { method: "POST", token, body: {} })).status).toBe(200);
    const messages = await waitForRequests(
      (all) => dmsTo(memberA.userId, subject)(all).filter((r) => r.path !== "/users/@me/channels"),
      2,
    );
    expect(messages.map((r) => r.body)).toEqual([
      expect.objectContaining({
        content: `The support team replied to your ticket **#1**: ${subject}`,
        embeds: [expect.objectContaining({ description: "Answered from the web" })],
        allowed_mentions: { parse: [] },
      }),
      expect.objectContaining({ content: `Your ticket **#1** was closed by the support team: ${subject}` }),
    ]);
    expect(JSON.stringify(messages)).not.toContain("Web-only note");
  });

  it("speak the language the member opened the ticket in, whatever staff speak, in Discord and the dashboard", async () => {
    const english = freshCast();
    const french = freshCast("fr");
    // A French member with English-speaking staff, and an English member with French-speaking staff.
    for (const { member, staff, dashboardLanguage, expected } of [
      {
        member: inLocale(english.memberA, "fr"),
        staff: english.staff,
        dashboardLanguage: "en-US,en;q=0.9",
        expected: {
          reply: "L'équipe de support a répondu à votre ticket **#1** : ",
          replyFooter: "Répondez avec /ticket répondre ticket:1 dans le serveur.",
          closed: "Votre ticket **#1** a été fermé par l'équipe de support : ",
          reason: "**Raison :** Done",
        },
      },
      {
        member: inLocale(french.memberA, "en-US"),
        staff: french.staff,
        dashboardLanguage: "fr-FR,fr;q=0.9",
        expected: {
          reply: "The support team replied to your ticket **#1**: ",
          replyFooter: "Answer with /ticket reply ticket:1 in the server.",
          closed: "Your ticket **#1** was closed by the support team: ",
          reason: "**Reason:** Done",
        },
      },
    ]) {
      const subject = `Language ${member.userId}`;
      await run(member, `/ticket create subject:${subject} description:Help`);
      const token = await sessionFor(staff);
      const headers = { "Accept-Language": dashboardLanguage };
      // One action at a time, each DM awaited before the next, so their order is the actions' order.
      const dmsSoFar = (count: number) =>
        waitForRequests(
          (all) => dmsTo(member.userId, subject)(all).filter((r) => r.path !== "/users/@me/channels"),
          count,
        );

      await run(staff, "/ticket reply ticket:1 message:Answer from Discord");
      await dmsSoFar(1);
      const web = { method: "POST", token, headers };
      expect(
        (await api("/tickets/1/replies", { ...web, body: { body: "Answer from the web" } })).status,
      ).toBe(201);
      await dmsSoFar(2);
      expect((await api("/tickets/1/close", { ...web, body: { reason: "Done" } })).status).toBe(200);
      const messages = (await dmsSoFar(3)).map((r) => r.body);

      const reply = (description: string) => ({
        content: `${expected.reply}${subject}`,
        embeds: [
          {
            description,
            color: 0x57f287,
            footer: { text: expected.replyFooter },
            timestamp: expect.any(String),
          },
        ],
        allowed_mentions: { parse: [] },
      });
      expect(messages, member.locale).toEqual([
        reply("Answer from Discord"),
        reply("Answer from the web"),
        {
          content: `${expected.closed}${subject}`,
          embeds: [expect.objectContaining({ description: expected.reason })],
          allowed_mentions: { parse: [] },
        },
      ]);
    }
  });
});
