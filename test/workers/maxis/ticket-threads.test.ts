/**
 * Ticket conversations in Discord threads (issue 12), end to end against the stand-in: the thread
 * made at creation, messages typed there stored once through the Gateway object, staff replies posted
 * there under the agent's name, close and reopen, and the fault test (2,000 messages while the
 * connection drops 10 times, once for longer than the stream).
 */
import { env, exports } from "cloudflare:workers";
import type { APIActionRowComponent, APIComponentInMessageActionRow, APIEmbed } from "discord-api-types/v10";
import { describe, expect, inject, it } from "vitest";
import type { Actor } from "../../../scripts/lib/interaction-builder";
import {
  LOCAL_CHANNEL_ID,
  LOCAL_STAFF_CHANNEL_ID,
  LOCAL_STAFF_ID,
} from "../../../scripts/lib/local-identities";
import { transcriptLinkPath } from "../../../src/maxis/tickets/transcript-link";
import { sessionFor } from "./api-support";
import { standInGateway, waitUntil } from "./gateway-support";
import {
  connectedShard,
  fromDiscord,
  say,
  threadLocked,
  threadMessages,
  threadState,
  ticketWithThread,
  viewAs,
} from "./thread-support";
import {
  allDiscordRequests,
  buttonsOf,
  click,
  homeCast,
  messageOf,
  run,
  staffPostEdits,
  staffPostsFor,
  waitForRequests,
} from "./tickets-support";

const local = inject("discordLocalUrl");
const shard = connectedShard("ticket-threads");

describe("a ticket's private thread", { timeout: 60_000 }, () => {
  it("is opened at creation, named after the ticket, with the member in it and the card first", async () => {
    const cast = homeCast();
    const { number, threadId } = await ticketWithThread(cast.memberA, "Cannot log in");
    const thread = await threadState(threadId);
    expect(thread.name).toBe(`#${number} Cannot log in`);
    expect(thread.members).toContain(cast.memberA.userId);
    const [card] = await threadMessages(threadId);
    expect(card?.embeds[0]?.title).toContain(`#${number}`);
    expect(card?.components[0]?.components.map((b) => b.custom_id)).toEqual([
      `ticket-staff:assign:${cast.guildId}:${number}`,
      `ticket-thread:close:${cast.guildId}:${number}`,
    ]);
    // Staff are told in the staff channel only; nothing in the thread mentions anyone.
    const all = await allDiscordRequests();
    const threadPosts = all.filter((r) => r.path === `/channels/${threadId}/messages`);
    expect(
      threadPosts.every(
        (r) => JSON.stringify((r.body as { allowed_mentions?: unknown }).allowed_mentions) === '{"parse":[]}',
      ),
    ).toBe(true);
    expect(
      all.some(
        (r) =>
          r.path === `/channels/${LOCAL_STAFF_CHANNEL_ID}/messages` &&
          JSON.stringify(r.body).includes(`#${number}`),
      ),
    ).toBe(true);
  });

  it("keeps its card the member's when staff click Assign to me on it, and redraws the staff post", async () => {
    const cast = homeCast();
    const { number, threadId } = await ticketWithThread(cast.memberA, "Assign from the card");
    const [card] = await threadMessages(threadId);
    const [post] = await waitForRequests(staffPostsFor(cast.memberA.userId));
    const postId = (post?.response as { id?: string } | undefined)?.id ?? "";
    const answer = messageOf(
      await click(
        cast.staff,
        `ticket-staff:assign:${cast.guildId}:${number}`,
        (card?.embeds ?? []) as APIEmbed[],
        (card?.components ?? []) as APIActionRowComponent<APIComponentInMessageActionRow>[],
      ),
    );
    // Still the member's card: its welcome line, its own Close button, now naming the assignee.
    expect(answer.content).toMatch(/^Ticket \*\*#\d+\*\*: write here/);
    expect(buttonsOf(answer).map((b) => b.custom_id)).toEqual([
      `ticket-staff:assign:${cast.guildId}:${number}`,
      `ticket-thread:close:${cast.guildId}:${number}`,
    ]);
    expect(JSON.stringify(answer.embeds)).toContain(`<@${cast.staff.userId}>`);
    // The staff channel's post is redrawn after the answer.
    const [edit] = await waitForRequests(staffPostEdits(postId));
    expect((edit?.body as { content?: string } | undefined)?.content).toContain(
      `Assigned to <@${cast.staff.userId}>.`,
    );
  });

  it("turns what people type there into ticket messages, once each, and ignores other channels", async () => {
    const cast = homeCast();
    const { number, threadId } = await ticketWithThread(cast.memberA, "Billing question");
    const first = await say(threadId, cast.memberA, "Hello, I was charged twice");
    await say(LOCAL_CHANNEL_ID, cast.memberA, "not a ticket thread: never stored");
    const answer = await say(threadId, cast.staff, "Looking into it");
    const stored = await waitUntil(
      () => viewAs(cast.staff, number),
      (v) => fromDiscord(v).length >= 2,
      10_000,
      "two messages",
    );
    const messages = fromDiscord(stored);
    expect(messages.map((m) => [m.authorId, m.body, m.fromStaff, m.discordMessageId])).toEqual([
      [cast.memberA.userId, "Hello, I was charged twice", false, first.id],
      [cast.staff.userId, "Looking into it", true, answer.id],
    ]);
    // The staff author counts as the first response.
    expect(stored.ticket.firstStaffResponseAt).not.toBeNull();
    // Maxis's own card is not a ticket message; the member's typed message is not stored twice.
    expect(stored.messages.filter((m) => m.body.includes("never stored"))).toHaveLength(0);

    // An edit keeps the original in the audit; a deletion is recorded.
    await fetch(`${local}/__local/messages/${threadId}/${first.id}`, {
      method: "PATCH",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ content: "Hello, I was charged twice in March" }),
    });
    const edited = await waitUntil(
      () => viewAs(cast.staff, number),
      (v) => (v.audit ?? []).some((a) => a.action === "message_edited"),
      10_000,
      "the edit",
    );
    const edit = edited.audit?.find((a) => a.action === "message_edited");
    expect(edit?.before).toMatchObject({ body: "Hello, I was charged twice" });
    expect(fromDiscord(edited)[0]?.body).toBe("Hello, I was charged twice in March");
    expect(fromDiscord(edited)[0]?.editedAt).not.toBeNull();
  });

  it("keeps attachments as names and links, and a deletion with the original text, on the dashboard and in transcripts", async () => {
    const cast = homeCast();
    const { number, threadId } = await ticketWithThread(cast.memberA, "Screenshot");
    await say(threadId, cast.memberA, "Here is the error", ["error.png"]);
    const gone = await say(threadId, cast.memberA, "my password is hunter2");
    await fetch(`${local}/__local/messages/${threadId}/${gone.id}`, { method: "DELETE" });
    const stored = await waitUntil(
      () => viewAs(cast.staff, number),
      (v) => (v.audit ?? []).some((a) => a.action === "message_deleted"),
      10_000,
      "the deletion",
    );
    const [withFile, deleted] = fromDiscord(stored);
    expect(withFile?.attachments).toEqual([
      {
        name: "error.png",
        url: expect.stringMatching(/^https:\/\/cdn\.discordapp\.test\/attachments\/\d+\/\d+\/error\.png$/),
      },
    ]);
    expect(deleted?.deletedAt).not.toBeNull();
    expect(stored.audit?.find((a) => a.action === "message_deleted")?.before).toMatchObject({
      body: "my password is hunter2",
    });

    // The dashboard's transcript (staff): the file linked, the deleted message marked, its text kept.
    const staffPage = await (
      await exports.default.fetch(`https://maxis.test/api/v1/tickets/${number}/transcript`, {
        headers: { Cookie: `maxis_session=${await sessionFor(cast.staff)}` },
      })
    ).text();
    expect(staffPage).toMatch(
      /<a href="https:\/\/cdn\.discordapp\.test\/attachments\/[^"]+" [^>]+>error\.png<\/a>/,
    );
    expect(staffPage).toContain("deleted in Discord");
    expect(staffPage).toContain("my password is hunter2");
    // The member's: the file linked, the deletion said, the deleted text not shown.
    const link = await transcriptLinkPath(env.TRANSCRIPT_LINK_SECRET, {
      guildId: cast.guildId,
      number,
      memberId: cast.memberA.userId,
      expires: Math.floor(Date.now() / 1000) + 600,
    });
    const memberPage = await (await exports.default.fetch(`https://maxis.test${link}`)).text();
    expect(memberPage).toContain(">error.png</a>");
    expect(memberPage).toContain("deleted in Discord");
    expect(memberPage).not.toContain("hunter2");
  });

  it("carries staff replies into the thread under the agent's name, never internal notes, and no DM", async () => {
    const cast = homeCast();
    const { number, threadId } = await ticketWithThread(cast.memberA, "Webhook reply");
    await run(cast.staff, `/ticket-staff note ticket:${number} message:secret internal note`);
    // Alex Martin, the stand-in's seeded agent: Discord knows their name and avatar.
    const alex: Actor = { ...cast.staff, userId: LOCAL_STAFF_ID };
    await run(alex, `/ticket reply ticket:${number} message:We refunded you`);
    // Each reply reaches the thread after its own answer, so the member answers what they have read.
    await waitUntil(
      () => threadMessages(threadId),
      (m) => m.some((x) => x.webhook_id),
      10_000,
      "the agent's webhook message",
    );
    await run(cast.memberA, `/ticket reply ticket:${number} message:Thanks a lot`);
    const posted = await waitUntil(
      () => threadMessages(threadId),
      (m) => m.filter((x) => x.webhook_id).length >= 2,
      10_000,
      "two webhook messages",
    );
    const viaWebhook = posted.filter((m) => m.webhook_id);
    expect(viaWebhook.map((m) => [m.author.username, m.content])).toEqual([
      ["Alex Martin", "We refunded you"],
      [cast.memberA.userId, "Thanks a lot"],
    ]);
    expect(posted.some((m) => m.content.includes("secret internal note"))).toBe(false);
    const all = await allDiscordRequests();
    expect(
      all.some(
        (r) => r.path === "/users/@me/channels" && JSON.stringify(r.body).includes(cast.memberA.userId),
      ),
    ).toBe(false);
    // Heard back through the Gateway, the webhook messages are not stored a second time.
    await shard.drained();
    const stored = await viewAs(cast.staff, number);
    expect(stored.messages.filter((m) => m.body === "We refunded you")).toHaveLength(1);
  });

  it("is archived and locked with a closing note on close, and unlocked on reopen", async () => {
    const cast = homeCast();
    const { number, threadId } = await ticketWithThread(cast.memberA, "Close me");
    await run(cast.staff, `/ticket close ticket:${number} reason:Solved`);
    const closed = await threadLocked(threadId, true);
    expect(closed.thread_metadata).toMatchObject({ archived: true, locked: true });
    const notes = await threadMessages(threadId);
    expect(notes.at(-1)?.content).toContain(`<@${cast.staff.userId}>`);
    expect(notes.at(-1)?.content).toContain("Reason: Solved");
    await run(cast.memberA, `/ticket reopen ticket:${number}`);
    const reopened = await threadLocked(threadId, false);
    expect(reopened.thread_metadata).toMatchObject({ archived: false, locked: false });
  });
});

describe("the fault test", () => {
  it("stores exactly 2,000 messages streamed while the connection drops 10 times, once for longer than the stream", async () => {
    const cast = homeCast();
    const members = [cast.memberA, cast.memberB];
    const threads = [];
    for (let i = 0; i < 4; i++) {
      threads.push(await ticketWithThread(members[i % 2] as Actor, `Fault ${i}`));
    }
    const TOTAL = 2000;
    const sent: Map<string, string[]> = new Map(threads.map((t) => [t.threadId, []]));
    for (let i = 0; i < TOTAL; i++) {
      const thread = threads[i % threads.length] as { threadId: string };
      // Nine short drops (resumed), then a tenth whose gap outlasts the stream: the session is lost
      // and no connection is accepted until the last message has been typed.
      if (i > 0 && i < 1000 && i % 100 === 0) await standInGateway("/drop", { resumable: true });
      if (i === 1000) {
        await standInGateway("", { refuse_connections: true });
        await standInGateway("/drop", { resumable: false });
      }
      const message = await say(thread.threadId, members[(i >> 2) % 2] as Actor, `m ${i}`);
      sent.get(thread.threadId)?.push(message.id);
    }
    await standInGateway("", { refuse_connections: false });

    for (const thread of threads) {
      const stored = await waitUntil(
        () => viewAs(cast.staff, thread.number),
        (v) => fromDiscord(v).length >= TOTAL / threads.length,
        90_000,
        `the messages of #${thread.number}`,
      );
      const ids = fromDiscord(stored).map((m) => m.discordMessageId);
      // Each once, in the order they were typed.
      expect(ids).toEqual(sent.get(thread.threadId));
    }
    await shard.drained();
    const total = (
      await Promise.all(threads.map(async (t) => fromDiscord(await viewAs(cast.staff, t.number)).length))
    ).reduce((a, b) => a + b, 0);
    expect(total).toBe(TOTAL);
  }, 180_000);
});
