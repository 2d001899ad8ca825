/**
 * Discord refusing or throttling what Maxis sends around tickets: a refused DM is reported as such,
 * a 429 is waited out, an empty rate-limit bucket holds the next post back. Notifications run after
 * the answer; a Discord failure is logged and never fails the ticket action. Scripted failures at the
 * stand-in are scoped to this test's member or text (`bodyIncludes`), so test files running side by
 * side never meet each other's failures.
 */
import { describe, expect, it } from "vitest";
import { LOCAL_STAFF_CHANNEL_ID } from "../../../scripts/lib/local-identities";
import { sessionFor } from "./api-support";
import { dm, postsContaining, waitForTicket } from "./tickets-notify-support";
import {
  createdNumber,
  dmChannelsOpenedFor,
  dmsTo,
  freshCast,
  homeCast,
  privateText,
  run,
  runKeeping,
  scriptFailure,
  staffPostEdits,
  staffPostsFor,
  visibleText,
  waitForRequests,
} from "./tickets-support";

describe("DMs to the member", () => {
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
