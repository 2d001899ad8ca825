/**
 * What Maxis sends to Discord around tickets, asserted request by request at the Discord API
 * stand-in: the staff channel post with its buttons, and the member's DMs when staff answer or close.
 * Notifications run after the answer; a Discord failure is logged and never fails the ticket action.
 */
import { ButtonStyle, ComponentType, InteractionResponseType } from "discord-api-types/v10";
import { describe, expect, inject, it } from "vitest";
import { LOCAL_STAFF_CHANNEL_ID } from "../../../scripts/lib/local-identities";
import type { RecordedRequest } from "../../../scripts/local-discord/server";
import { api, sessionFor } from "./api-support";
import {
  buttonsOf,
  click,
  countSupabaseCalls,
  dmChannelsOpenedFor,
  dmsTo,
  freshCast,
  inLocale,
  messageOf,
  privateText,
  run,
  staffPostsFor,
  visibleText,
  waitForRequests,
} from "./tickets-support";

const local = inject("discordLocalUrl");
const BOT = "Bot local-bot-token";

/**
 * Waits for the DM to a member whose text contains `marker`; checks that Maxis opened the DM channel
 * with that member just before, with the bot token, and wrote in the channel Discord gave back.
 */
async function dm(userId: string, marker: string) {
  const isMessage = (r: RecordedRequest) => r.path !== "/users/@me/channels";
  const found = await waitForRequests((all) => dmsTo(userId, marker)(all).filter(isMessage));
  const message = found[0];
  const before = (await waitForRequests(dmsTo(userId, marker))).filter(
    (r) => !isMessage(r) && r.seq < (message?.seq ?? 0),
  );
  const opened = before.at(-1);
  expect(opened).toMatchObject({
    method: "POST",
    path: "/users/@me/channels",
    body: { recipient_id: userId },
    authorization: BOT,
  });
  const channelId = (opened?.response as { id?: string } | undefined)?.id;
  expect(channelId).toMatch(/^\d+$/);
  expect(message).toMatchObject({
    method: "POST",
    path: `/channels/${channelId}/messages`,
    authorization: BOT,
  });
  return { message };
}

describe("the staff channel", () => {
  it("gets each new ticket with Assign-to-me and Close", async () => {
    const { memberA } = freshCast("fr");
    await run(
      memberA,
      "/ticket create subject:Broken login description:It fails category:account priority:high",
    );
    const posts = await waitForRequests(staffPostsFor(memberA.userId));
    expect(posts).toHaveLength(1);
    expect(posts[0]).toMatchObject({
      method: "POST",
      path: `/channels/${LOCAL_STAFF_CHANNEL_ID}/messages`,
      authorization: BOT,
    });
    // The server's language (guild_locale en-US), not the French member's: it is the staff's channel.
    expect(posts[0]?.body).toEqual({
      content: `New ticket **#1** from <@${memberA.userId}>`,
      embeds: [
        {
          title: "#1 · Broken login",
          description: "It fails",
          color: 0x57f287,
          fields: [
            { name: "Status", value: "🟢 Open", inline: true },
            { name: "Priority", value: "🟠 High", inline: true },
            { name: "Category", value: "Account", inline: true },
            { name: "Opened by", value: `<@${memberA.userId}>`, inline: true },
            { name: "Assigned to", value: "Nobody yet", inline: true },
            { name: "Opened", value: expect.stringMatching(/^<t:\d+:f>$/), inline: true },
          ],
          timestamp: expect.any(String),
        },
      ],
      components: [
        {
          type: ComponentType.ActionRow,
          components: [
            {
              type: ComponentType.Button,
              style: ButtonStyle.Primary,
              label: "Assign to me",
              custom_id: "ticket-staff:assign:1",
              disabled: false,
            },
            {
              type: ComponentType.Button,
              style: ButtonStyle.Danger,
              label: "Close",
              custom_id: "ticket-staff:close:1",
              disabled: false,
            },
          ],
        },
      ],
      allowed_mentions: { parse: [] },
    });
  });

  it("Assign to me and Close work for staff, redraw the post, and are refused to members", async () => {
    const { memberA, memberB, staff } = freshCast();
    const subject = `Needs a hand ${memberA.userId}`;
    await run(memberA, `/ticket create subject:${subject} description:Please help`);
    const [post] = await waitForRequests(staffPostsFor(memberA.userId));
    const embeds = (post?.body as { embeds?: [] } | undefined)?.embeds ?? [];

    let refusal = "";
    const calls = await countSupabaseCalls(async () => {
      refusal = privateText(await click(memberB, "ticket-staff:assign:1", embeds));
    });
    expect(refusal).toBe("Only the support team can do this.");
    expect(calls).toEqual([]);

    const assigned = await click(staff, "ticket-staff:assign:1", embeds);
    expect(assigned.type).toBe(InteractionResponseType.UpdateMessage);
    expect(messageOf(assigned).content).toBe(
      `New ticket **#1** from <@${memberA.userId}>\nAssigned to <@${staff.userId}>.`,
    );
    expect(messageOf(assigned).embeds?.[0]?.description).toBe("Please help");
    expect(visibleText(await run(memberA, "/ticket view ticket:1"))).toContain(`<@${staff.userId}>`);

    const closed = messageOf(await click(staff, "ticket-staff:close:1", embeds));
    expect(closed.content).toContain(`Closed by <@${staff.userId}>.`);
    expect(buttonsOf(closed).map((b) => b.disabled)).toEqual([true, true]);
    const { message } = await dm(memberA.userId, subject);
    expect(message?.body).toMatchObject({
      content: `Your ticket **#1** was closed by the support team: ${subject}`,
    });

    // Clicking again says why nothing happened, without touching the post.
    expect(privateText(await click(staff, "ticket-staff:close:1", embeds))).toBe(
      "Ticket #1 is already closed.",
    );
  });
});

describe("DMs to the member", () => {
  it("carry staff replies and closings, never notes, and never the member's own actions", async () => {
    const { memberA, staff } = freshCast();
    // Unique per run: DMs are told apart by their text.
    const subject = `Refund ${memberA.userId}`;
    await run(memberA, `/ticket create subject:${subject} description:Charged twice`);
    await run(memberA, "/ticket reply ticket:1 message:Also, it happened yesterday");
    await run(staff, "/ticket note ticket:1 message:Internal: check Stripe logs");
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
    await run(staff, "/ticket status ticket:1 status:open");
    await run(staff, "/ticket status ticket:1 status:closed");
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

  it("a DM Discord refuses is logged; the staff reply still succeeds", async () => {
    const { memberA, staff } = freshCast();
    await run(memberA, "/ticket create subject:Closed DMs description:I do not accept DMs");
    // Scripted at the Discord boundary: the member does not accept DMs from this server.
    const outcome = await untilOurs(
      {
        method: "POST",
        pathPattern: "^/users/@me/channels$",
        status: 403,
        body: { message: "Cannot send messages to this user", code: 50007 },
        times: 1,
      },
      async (attempt) => {
        const marker = `Here is fix ${attempt}`;
        expect(privateText(await run(staff, `/ticket reply ticket:1 message:${marker}`))).toBe(
          "Your reply was added to ticket **#1**.",
        );
        // Refused: the DM channel was asked for, and no message followed.
        const opened = await waitForRequests(dmChannelsOpenedFor(memberA.userId), attempt);
        await new Promise((resolve) => setTimeout(resolve, 200));
        const sent = (await waitForRequests(dmsTo(memberA.userId, marker))).filter(
          (r) => r.path !== "/users/@me/channels",
        );
        return opened.length === attempt && sent.length === 0;
      },
    );
    expect(outcome).toBe(true);
    expect(visibleText(await run(memberA, "/ticket view ticket:1"))).toContain("Here is fix");
  });

  it("waits out a 429 from Discord as told (retry_after) and delivers the DM", async () => {
    const { memberA, staff } = freshCast();
    await run(memberA, "/ticket create subject:Rate limited description:Busy Discord");
    let opensBefore = 0;
    let retryGapMs = 0;
    const outcome = await untilOurs(
      {
        method: "POST",
        pathPattern: "^/users/@me/channels$",
        status: 429,
        body: { message: "You are being rate limited.", retry_after: 0.4, global: false },
        times: 1,
      },
      async (attempt) => {
        const marker = `Answer after the limit ${attempt}`;
        await run(staff, `/ticket reply ticket:1 message:${marker}`);
        const [message] = await waitForRequests((all) =>
          dmsTo(memberA.userId, marker)(all).filter((r) => r.path !== "/users/@me/channels"),
        );
        expect(message?.body).toMatchObject({ embeds: [{ description: marker }] });
        const opens = await waitForRequests(dmChannelsOpenedFor(memberA.userId));
        // Ours was limited: asked twice (429, then the retry) for one message.
        const limited = opens.length - opensBefore === 2;
        opensBefore = opens.length;
        const [refused, retried] = opens.slice(-2);
        retryGapMs = (retried?.at ?? 0) - (refused?.at ?? 0);
        return limited;
      },
    );
    expect(outcome).toBe(true);
    // Not retried before Discord said it could be (0.4 s), nor left waiting much longer.
    expect(retryGapMs).toBeGreaterThanOrEqual(400);
    expect(retryGapMs).toBeLessThan(2_000);
  });
});

describe("Discord's rate-limit buckets", () => {
  it("hold back the next staff-channel post until the bucket Discord reported empty refills", async () => {
    const { memberA } = freshCast();
    // Discord accepts the post but says the channel's bucket is empty for the next 0.6 s.
    const outcome = await untilOurs(
      {
        method: "POST",
        pathPattern: `^/channels/${LOCAL_STAFF_CHANNEL_ID}/messages$`,
        status: 200,
        body: { id: "1", channel_id: LOCAL_STAFF_CHANNEL_ID },
        headers: {
          "X-RateLimit-Bucket": "staff-channel",
          "X-RateLimit-Limit": "5",
          "X-RateLimit-Remaining": "0",
          "X-RateLimit-Reset-After": "0.6",
        },
        times: 1,
      },
      async (attempt) => {
        const first = `Bucket first ${memberA.userId} ${attempt}`;
        const second = `Bucket second ${memberA.userId} ${attempt}`;
        await run(memberA, `/ticket create subject:${first} description:x`);
        const [firstPost] = await waitForRequests(postsContaining(first));
        await run(memberA, `/ticket close ticket:${2 * attempt - 1}`);
        await run(memberA, `/ticket create subject:${second} description:y`);
        const [secondPost] = await waitForRequests(postsContaining(second));
        expect(secondPost, "the second post is still sent").toBeDefined();
        // Two tickets opened back to back: only the bucket can put 0.6 s between their posts.
        return (secondPost?.at ?? 0) - (firstPost?.at ?? 0) >= 600;
      },
    );
    expect(outcome).toBe(true);
  });
});

const postsContaining = (text: string) => (requests: RecordedRequest[]) =>
  requests.filter(
    (r) => r.path === `/channels/${LOCAL_STAFF_CHANNEL_ID}/messages` && JSON.stringify(r.body).includes(text),
  );

/**
 * Scripted failures at the stand-in match by path, and other test files running alongside may send a
 * DM at the same moment and meet ours first. Each attempt scripts the failure once and reports whether
 * it hit this test's request; a few attempts make that certain.
 */
async function untilOurs(failure: object, attempt: (n: number) => Promise<boolean>): Promise<boolean> {
  for (let n = 1; n <= 5; n++) {
    await fetch(`${local}/__local/failures`, { method: "POST", body: JSON.stringify(failure) });
    if (await attempt(n)) return true;
  }
  return false;
}
