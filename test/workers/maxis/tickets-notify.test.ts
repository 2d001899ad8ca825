/**
 * What Maxis sends to Discord around tickets, asserted request by request at the Discord API
 * stand-in: the staff channel post with its buttons, and the member's DMs when staff answer or close.
 * Notifications run after the answer; a Discord failure is logged and never fails the ticket action.
 * Scripted failures at the stand-in are scoped to this test's member or text (`bodyIncludes`), so
 * test files running side by side never meet each other's failures.
 */

import { type APIEmbed, ButtonStyle, ComponentType, InteractionResponseType } from "discord-api-types/v10";
import { describe, expect, it } from "vitest";
import { LOCAL_GUILD_ID, LOCAL_STAFF_CHANNEL_ID } from "../../../scripts/lib/local-identities";
import type { RecordedRequest } from "../../../scripts/local-discord/server";
import type { TicketSummary } from "../../../src/maxis/tickets/rpc";
import { pollUntil } from "../../support/poll";
import { api, sessionFor } from "./api-support";
import {
  allDiscordRequests,
  buttonsOf,
  click,
  countSupabaseCalls,
  createdNumber,
  dmChannelsOpenedFor,
  dmsTo,
  freshCast,
  homeCast,
  inLocale,
  messageOf,
  privateText,
  run,
  runKeeping,
  scriptFailure,
  snowflake,
  staffPostEdits,
  staffPostsFor,
  threadCardsFor,
  visibleText,
  waitForRequests,
} from "./tickets-support";

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
  it("gets each new ticket of its server with Assign-to-me, Close and Ask to close naming the server", async () => {
    const { memberA, guildId } = homeCast("fr");
    const number = createdNumber(
      await run(
        memberA,
        "/ticket create subject:Broken login description:It fails category:account priority:high",
      ),
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
      content: `New ticket **#${number}** from <@${memberA.userId}>`,
      embeds: [
        {
          title: `#${number} · Broken login`,
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
              custom_id: `ticket-staff:assign:${guildId}:${number}`,
              disabled: false,
            },
            {
              type: ComponentType.Button,
              style: ButtonStyle.Danger,
              label: "Close",
              custom_id: `ticket-staff:close:${guildId}:${number}`,
              disabled: false,
            },
            {
              type: ComponentType.Button,
              style: ButtonStyle.Secondary,
              label: "Ask to close",
              custom_id: `ticket-ask-close:${guildId}:${number}`,
              disabled: false,
            },
          ],
        },
      ],
      allowed_mentions: { parse: [] },
    });
  });

  it("Assign to me and Close work for staff, redraw the post, and are refused to members", async () => {
    const { memberA, memberB, staff, guildId } = homeCast();
    const subject = `Needs a hand ${memberA.userId}`;
    const number = createdNumber(
      await run(memberA, `/ticket create subject:${subject} description:Please help`),
    );
    const [post] = await waitForRequests(staffPostsFor(memberA.userId));
    // The ticket's thread is opened in the background too: let it finish before counting calls.
    await waitForRequests(threadCardsFor(number));
    const embeds = (post?.body as { embeds?: [] } | undefined)?.embeds ?? [];
    const [assign, close] = buttonsOf(post?.body as { components?: unknown[] }).map((b) => b.custom_id ?? "");

    let refusal = "";
    const calls = await countSupabaseCalls(async () => {
      refusal = privateText(await click(memberB, assign ?? "", embeds));
    });
    expect(refusal).toBe("Only the support team can do this.");
    expect(calls).toEqual([]);

    const assigned = await click(staff, assign ?? "", embeds);
    expect(assigned.type).toBe(InteractionResponseType.UpdateMessage);
    expect(messageOf(assigned).content).toBe(
      `New ticket **#${number}** from <@${memberA.userId}>\nAssigned to <@${staff.userId}>.`,
    );
    expect(messageOf(assigned).embeds?.[0]?.description).toBe("Please help");
    expect(visibleText(await run(memberA, `/ticket view ticket:${number}`))).toContain(`<@${staff.userId}>`);

    const closed = messageOf(await click(staff, close ?? "", embeds));
    expect(closed.content).toContain(`Closed by <@${staff.userId}>.`);
    expect(buttonsOf(closed).map((b) => b.disabled)).toEqual([true, true, true]);
    // The ticket has a thread: the member is told there (a closing note, then archive and lock), not by DM.
    const [card] = await waitForRequests(threadCardsFor(number));
    const threadPath = card?.path.replace(/\/messages$/, "") ?? "";
    const [lock] = await waitForRequests((all) =>
      all.filter((r) => r.method === "PATCH" && r.path === threadPath),
    );
    expect(lock?.body).toEqual({ archived: true, locked: true });
    expect((await waitForRequests(dmChannelsOpenedFor(memberA.userId), 1, 500)).length).toBe(0);

    // Clicking again says why nothing happened, without touching the post.
    expect(privateText(await click(staff, close ?? "", embeds))).toBe(`Ticket #${number} is already closed.`);
    expect(guildId).toBe(LOCAL_GUILD_ID);
  });

  it("is edited after every change of assignee, status, priority, close and reopen, from commands and the dashboard", async () => {
    const { memberA, staff } = homeCast();
    const number = createdNumber(
      await run(memberA, `/ticket create subject:Kept current ${memberA.userId} description:Stay in sync`),
    );
    const [post] = await waitForRequests(staffPostsFor(memberA.userId));
    const messageId = (post?.response as { id?: string } | undefined)?.id ?? "";
    expect(messageId).toMatch(/^\d+$/);
    const token = await sessionFor(staff);
    const edits = async (count: number) => {
      const found = await waitForRequests(staffPostEdits(messageId), count);
      expect(found, `edit ${count}`).toHaveLength(count);
      return (found[count - 1]?.body ?? {}) as { content: string; embeds: APIEmbed[]; components: unknown[] };
    };
    // The post is remembered only once Discord has answered; wait for that before changing the ticket.
    await waitForTicket(token, number, (t) => t.staffPost?.messageId === messageId);

    await run(staff, `/ticket-staff assign ticket:${number}`);
    let edit = await edits(1);
    expect(edit.content).toBe(
      `New ticket **#${number}** from <@${memberA.userId}>\nAssigned to <@${staff.userId}>.`,
    );
    // Still the whole post: the description the member wrote stays.
    expect(edit.embeds[0]?.description).toBe("Stay in sync");

    await run(staff, `/ticket-staff priority ticket:${number} priority:critical`);
    edit = await edits(2);
    expect(visibleText(edit)).toContain("Critical");

    expect(
      (
        await api(`/tickets/${number}/status`, {
          method: "PUT",
          token,
          body: { status: "waiting_for_member" },
        })
      ).status,
    ).toBe(200);
    edit = await edits(3);
    expect(visibleText(edit)).toContain("Waiting for member");

    expect(
      (await api(`/tickets/${number}/assignee`, { method: "PUT", token, body: { assigneeId: null } })).status,
    ).toBe(200);
    edit = await edits(4);
    expect(edit.content).toBe(`New ticket **#${number}** from <@${memberA.userId}>`);

    expect(
      (await api(`/tickets/${number}/close`, { method: "POST", token, body: { reason: "Done" } })).status,
    ).toBe(200);
    edit = await edits(5);
    expect(edit.content).toContain(`Closed by <@${staff.userId}>.`);
    expect(buttonsOf(edit).map((b) => b.disabled)).toEqual([true, true, true]);

    await run(memberA, `/ticket reopen ticket:${number}`);
    edit = await edits(6);
    expect(edit.content).not.toContain("Closed by");
    expect(buttonsOf(edit).map((b) => b.disabled)).toEqual([false, false, false]);
    expect(visibleText(edit)).toContain("Open");
  });
});

describe("tickets of several servers (issue 17)", () => {
  it("a Close from one server's post never closes another server's ticket with the same number", async () => {
    const home = homeCast();
    const other = freshCast();
    const subject = `Home ticket ${home.memberA.userId}`;
    const number = createdNumber(
      await run(home.memberA, `/ticket create subject:${subject} description:Ours`),
    );
    const [post] = await waitForRequests(staffPostsFor(home.memberA.userId));
    const [assign, close] = buttonsOf(post?.body as { components?: unknown[] }).map((b) => b.custom_id ?? "");
    // The other server has a ticket with the same number, opened by its own members.
    let otherOwner = other.memberA;
    for (let n = 1; n <= number; n++) {
      otherOwner = { ...other.memberA, userId: snowflake() };
      expect(createdNumber(await run(otherOwner, `/ticket create subject:Theirs ${n} description:x`))).toBe(
        n,
      );
    }

    // The other server's staff click the home post's buttons (as if it were shown to them).
    for (const customId of [close ?? "", assign ?? ""]) {
      let refusal = "";
      const calls = await countSupabaseCalls(async () => {
        refusal = privateText(await click(other.staff, customId));
      });
      expect(refusal, customId).toBe("This ticket belongs to another server: handle it from there.");
      expect(calls, customId).toEqual([]);
    }
    const theirs = visibleText(await run(other.staff, `/ticket view ticket:${number}`));
    expect(theirs).toContain("Open");
    expect(theirs).toContain("Nobody yet");
    expect(visibleText(await run(home.staff, `/ticket view ticket:${number}`))).toContain("Open");
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(dmChannelsOpenedFor(otherOwner.userId)(await allDiscordRequests())).toEqual([]);
  }, 20_000);

  it("another server's new tickets are not posted in this server's staff channel", async () => {
    const other = freshCast();
    const home = homeCast();
    await run(other.memberA, "/ticket create subject:Elsewhere description:Not yours");
    await run(home.memberA, "/ticket create subject:Here description:Yours");
    expect(await waitForRequests(staffPostsFor(home.memberA.userId))).toHaveLength(1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(staffPostsFor(other.memberA.userId)(await allDiscordRequests())).toEqual([]);
  });

  it("list pages are read only in the server they name", async () => {
    const home = homeCast();
    const other = freshCast();
    await run(other.memberA, "/ticket create subject:Page description:x");
    let refusal = "";
    const calls = await countSupabaseCalls(async () => {
      refusal = privateText(await click(other.memberA, `ticket-page:${home.guildId}:all:0:0`));
    });
    expect(refusal).toBe("This ticket belongs to another server: handle it from there.");
    expect(calls).toEqual([]);
    const page = await click(other.memberA, `ticket-page:${other.guildId}:all:0:0`);
    expect(visibleText(page)).toContain("Page");
  });
});

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

  it("a DM Discord refuses is not reported as delivered: the answer, the ticket and the staff post say so", async () => {
    const { memberA, staff } = homeCast();
    // DMs are the fallback of a ticket without a thread: here Discord refuses to open the thread.
    await scriptFailure({
      method: "POST",
      pathPattern: "^/channels/\\d+/threads$",
      bodyIncludes: `Closed DMs ${memberA.userId}`,
      status: 403,
      body: { message: "Missing Permissions", code: 50013 },
      times: 1,
    });
    const number = createdNumber(
      await run(
        memberA,
        `/ticket create subject:Closed DMs ${memberA.userId} description:I do not accept DMs`,
      ),
    );
    const [post] = await waitForRequests(staffPostsFor(memberA.userId));
    const messageId = (post?.response as { id?: string } | undefined)?.id ?? "";
    const token = await sessionFor(staff);
    await waitForTicket(token, number, (t) => t.staffPost?.messageId === messageId);
    // Scripted at the Discord boundary, for this member only: they do not accept DMs from this server.
    await scriptFailure({
      method: "POST",
      pathPattern: "^/users/@me/channels$",
      bodyIncludes: memberA.userId,
      status: 403,
      body: { message: "Cannot send messages to this user", code: 50007 },
      times: 1,
    });
    const { interaction, response } = await runKeeping(
      staff,
      `/ticket reply ticket:${number} message:Here is a fix`,
    );
    const answer = `Your reply was added to ticket **#${number}**.`;
    expect(privateText(response)).toBe(answer);

    // The answer is corrected once Discord has refused the DM.
    const [edited] = await waitForRequests((all) =>
      all.filter((r) => r.method === "PATCH" && r.path.includes(`/${interaction.token}/messages/@original`)),
    );
    expect(edited?.body).toEqual({
      content: `${answer}\n⚠️ Discord did not deliver it to <@${memberA.userId}> by DM: they do not accept DMs from this server. They will see it with \`/ticket view ticket:${number}\`.`,
      allowed_mentions: { parse: [] },
    });
    // Refused: the DM channel was asked for, and no message followed.
    expect(await waitForRequests(dmChannelsOpenedFor(memberA.userId))).toHaveLength(1);
    expect(
      (await waitForRequests(dmsTo(memberA.userId, "Here is a fix"))).filter(
        (r) => r.path !== "/users/@me/channels",
      ),
    ).toEqual([]);

    // On the ticket: the dashboard's view, and the staff post.
    const failed = await waitForTicket(token, number, (t) => t.dmFailure !== null);
    expect(failed.dmFailure).toEqual({ reason: "dms_closed", at: expect.any(String) });
    const [warned] = await waitForRequests(staffPostEdits(messageId));
    expect((warned?.body as { content?: string } | undefined)?.content).toContain(
      `⚠️ The last DM to <@${memberA.userId}> was not delivered: they do not accept DMs from this server.`,
    );
    expect(visibleText(await run(memberA, `/ticket view ticket:${number}`))).toContain("Here is a fix");

    // The member opens their DMs: the next reply gets through and the warning goes away.
    expect(privateText(await run(staff, `/ticket reply ticket:${number} message:Second try`))).toBe(answer);
    await dm(memberA.userId, "Second try");
    expect((await waitForTicket(token, number, (t) => t.dmFailure === null)).dmFailure).toBeNull();
    const [, cleared] = await waitForRequests(staffPostEdits(messageId), 2);
    expect((cleared?.body as { content?: string } | undefined)?.content).not.toContain("⚠️");
  });

  it("waits out a 429 from Discord as told (retry_after) and delivers the DM", async () => {
    const { memberA, staff } = freshCast();
    await run(memberA, "/ticket create subject:Rate limited description:Busy Discord");
    await scriptFailure({
      method: "POST",
      pathPattern: "^/users/@me/channels$",
      bodyIncludes: memberA.userId,
      status: 429,
      body: { message: "You are being rate limited.", retry_after: 0.4, global: false },
      times: 1,
    });
    const marker = "Answer after the limit";
    await run(staff, `/ticket reply ticket:1 message:${marker}`);
    const [message] = await waitForRequests((all) =>
      dmsTo(memberA.userId, marker)(all).filter((r) => r.path !== "/users/@me/channels"),
    );
    expect(message?.body).toMatchObject({ embeds: [{ description: marker }] });
    // Asked twice (429, then the retry) for one message.
    const opens = await waitForRequests(dmChannelsOpenedFor(memberA.userId));
    expect(opens.map((r) => r.status)).toEqual([429, 200]);
    const [refused, retried] = opens;
    const retryGapMs = (retried?.at ?? 0) - (refused?.at ?? 0);
    // Not retried before Discord said it could be (0.4 s), nor left waiting much longer.
    expect(retryGapMs).toBeGreaterThanOrEqual(400);
    expect(retryGapMs).toBeLessThan(2_000);
  });
});

describe("Discord's rate-limit buckets", () => {
  it("hold back the next staff-channel post until the bucket Discord reported empty refills", async () => {
    const { memberA } = homeCast();
    const first = `Bucket first ${memberA.userId}`;
    const second = `Bucket second ${memberA.userId}`;
    // Discord accepts the post but says the channel's bucket is empty for the next 0.6 s.
    await scriptFailure({
      method: "POST",
      pathPattern: `^/channels/${LOCAL_STAFF_CHANNEL_ID}/messages$`,
      bodyIncludes: first,
      status: 200,
      body: { id: "1", channel_id: LOCAL_STAFF_CHANNEL_ID },
      headers: {
        "X-RateLimit-Bucket": "staff-channel",
        "X-RateLimit-Limit": "5",
        "X-RateLimit-Remaining": "0",
        "X-RateLimit-Reset-After": "0.6",
      },
      times: 1,
    });
    await run(memberA, `/ticket create subject:${first} description:x`);
    const [firstPost] = await waitForRequests(postsContaining(first));
    await run(memberA, `/ticket create subject:${second} description:y`);
    const [secondPost] = await waitForRequests(postsContaining(second));
    expect(secondPost, "the second post is still sent").toBeDefined();
    // Two tickets opened back to back: only the bucket can put 0.6 s between their posts.
    expect((secondPost?.at ?? 0) - (firstPost?.at ?? 0)).toBeGreaterThanOrEqual(600);
  });
});

const postsContaining = (text: string) => (requests: RecordedRequest[]) =>
  requests.filter(
    (r) => r.path === `/channels/${LOCAL_STAFF_CHANNEL_ID}/messages` && JSON.stringify(r.body).includes(text),
  );

/** Reads the ticket through the dashboard's API until `done` holds (Discord bookkeeping runs after the answer). */
async function waitForTicket(
  token: string,
  number: number,
  done: (ticket: TicketSummary) => boolean,
): Promise<TicketSummary> {
  return pollUntil(async () => {
    const view = await api(`/tickets/${number}`, { token });
    return (view.json as { ticket: TicketSummary }).ticket;
  }, done);
}
