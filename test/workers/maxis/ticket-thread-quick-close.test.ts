/**
 * A ticket closed in the moment between its creation and its thread being set up (the thread is
 * opened after the create answer): it never keeps an open thread, and the member is told once, in the
 * thread if it was recorded in time, by DM otherwise. The Discord stand-in holds one of Maxis's calls
 * so that the close lands exactly between two steps.
 */
import { describe, expect, it } from "vitest";
import { LOCAL_SUPPORT_CHANNEL_ID } from "../../../scripts/lib/local-identities";
import type { RecordedRequest } from "../../../scripts/local-discord/server";
import { waitUntil } from "./gateway-support";
import { holdDiscordRequest, threadMessages, threadState } from "./thread-support";
import {
  allDiscordRequests,
  createdNumber,
  dmChannelsOpenedFor,
  dmsTo,
  homeCast,
  run,
  threadCardsFor,
  waitForRequests,
} from "./tickets-support";

describe("a ticket closed while its thread is being opened", { timeout: 60_000 }, () => {
  it("before the thread is recorded: the member is told by DM and the unused thread is deleted", async () => {
    const cast = homeCast();
    const subject = `Quick close ${cast.memberA.userId}`;
    const opening = await holdDiscordRequest({
      method: "POST",
      pathPattern: `^/channels/${LOCAL_SUPPORT_CHANNEL_ID}/threads$`,
      bodyIncludes: subject,
    });
    const number = createdNumber(
      await run(cast.memberA, `/ticket create subject:${subject} description:Help`),
    );
    await opening.caught();
    await run(cast.staff, `/ticket close ticket:${number} reason:Duplicate`);
    // No thread was recorded when it closed: the member is told by DM (the channel, then the message).
    expect(await waitForRequests(dmsTo(cast.memberA.userId, `#${number}`), 2)).toHaveLength(2);
    await opening.release();

    const opened = (all: RecordedRequest[]) =>
      all.filter(
        (r) =>
          r.path === `/channels/${LOCAL_SUPPORT_CHANNEL_ID}/threads` &&
          JSON.stringify(r.body).includes(subject),
      );
    const [created] = await waitForRequests((all) => opened(all).filter((r) => r.response));
    const threadId = (created?.response as { id: string } | undefined)?.id ?? "none";
    const deleted = await waitForRequests((all) =>
      all.filter((r) => r.method === "DELETE" && r.path === `/channels/${threadId}`),
    );
    expect(deleted).toHaveLength(1);
    const all = await allDiscordRequests();
    // Nobody was added to it and nothing was posted in it: nobody saw it.
    expect(all.filter((r) => r.path.startsWith(`/channels/${threadId}/`))).toEqual([]);
  });

  it("after the thread is recorded: the closing note is there, and the thread ends archived and locked", async () => {
    const cast = homeCast();
    const adding = await holdDiscordRequest({
      method: "PUT",
      pathPattern: `^/channels/\\d+/thread-members/${cast.memberA.userId}$`,
    });
    const number = createdNumber(
      await run(cast.memberA, `/ticket create subject:Late close ${cast.memberA.userId} description:Help`),
    );
    await adding.caught();
    const threadId =
      (
        await waitForRequests((all) =>
          all.filter((r) => r.method === "PUT" && r.path.endsWith(`/thread-members/${cast.memberA.userId}`)),
        )
      )[0]?.path.split("/")[2] ?? "";
    await run(cast.staff, `/ticket close ticket:${number} reason:Solved`);
    await waitUntil(
      () => threadState(threadId),
      (t) => t.thread_metadata.locked,
      10_000,
      "the closer's lock",
    );
    await adding.release();

    // The card, posted last, reopened the thread; Maxis saw the ticket closed and closed it again.
    await waitForRequests(threadCardsFor(number));
    const state = await waitUntil(
      () => threadState(threadId),
      (t) => t.thread_metadata.archived && t.thread_metadata.locked,
      10_000,
      "the thread archived and locked again",
    );
    expect(state.members).toContain(cast.memberA.userId);
    const notes = (await threadMessages(threadId)).map((m) => m.content);
    expect(notes.filter((n) => n.includes(`#${number}** was closed by`))).toHaveLength(1);
    // The thread told the member; no DM about the close.
    expect(dmChannelsOpenedFor(cast.memberA.userId)(await allDiscordRequests())).toEqual([]);
  });
});
