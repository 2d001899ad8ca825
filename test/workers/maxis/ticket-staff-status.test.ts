/**
 * `/ticket-staff status` against the stand-ins: setting "closed" tells the ticket's thread and its
 * owner exactly as `/ticket close` does, leaving "closed" reopens the thread as `/ticket reopen` does,
 * and asking for the status a ticket already has changes nothing, says so, and tells nobody.
 */
import { describe, expect, it } from "vitest";
import { api, sessionFor } from "./api-support";
import { waitUntil } from "./gateway-support";
import { threadLocked, threadMessages, ticketWithThread } from "./thread-support";
import {
  allDiscordRequests,
  dmChannelsOpenedFor,
  dmsTo,
  freshCast,
  homeCast,
  inLocale,
  privateText,
  run,
  waitForRequests,
} from "./tickets-support";

describe("/ticket-staff status", { timeout: 60_000 }, () => {
  it("closes the thread like /ticket close, and reopens it like /ticket reopen", async () => {
    const cast = homeCast();
    const { number, threadId } = await ticketWithThread(cast.memberA, "Closed by status");
    expect(privateText(await run(cast.staff, `/ticket-staff status ticket:${number} status:closed`))).toBe(
      `Ticket **#${number}** is now: ⚫ Closed.`,
    );
    const closed = await threadLocked(threadId, true);
    expect(closed.thread_metadata).toMatchObject({ archived: true, locked: true });
    expect((await threadMessages(threadId)).at(-1)?.content).toBe(
      `🔒 Ticket **#${number}** was closed by <@${cast.staff.userId}>.`,
    );

    expect(
      privateText(await run(cast.staff, `/ticket-staff status ticket:${number} status:in_progress`)),
    ).toBe(`Ticket **#${number}** is now: 🔵 In progress.`);
    const reopened = await threadLocked(threadId, false);
    expect(reopened.thread_metadata).toMatchObject({ archived: false, locked: false });
    await waitUntil(
      () => threadMessages(threadId),
      (m) => m.at(-1)?.content === `🔓 Ticket **#${number}** was reopened.`,
      10_000,
      "the reopened note",
    );

    // The member's answer reaches the thread again.
    await run(cast.memberA, `/ticket reply ticket:${number} message:It broke again`);
    await waitUntil(
      () => threadMessages(threadId),
      (m) => m.some((x) => x.webhook_id && x.content === "It broke again"),
      10_000,
      "the member's reply in the thread",
    );
    // Told in the thread, as /ticket close tells them: no DM.
    expect(dmChannelsOpenedFor(cast.memberA.userId)(await allDiscordRequests())).toEqual([]);
  });

  it("refuses the status a ticket already has, and tells the member once", async () => {
    const { memberA, staff } = freshCast();
    const subject = `Twice ${memberA.userId}`;
    await run(memberA, `/ticket create subject:${subject} description:Closed twice`);
    const status = (value: string, by = staff) =>
      run(by, `/ticket-staff status ticket:1 status:${value}`).then(privateText);

    expect(await status("closed")).toBe("Ticket **#1** is now: ⚫ Closed.");
    expect(await status("closed")).toBe("Ticket #1 is already closed.");
    expect(await status("closed", inLocale(staff, "fr"))).toBe("Le ticket #1 est déjà fermé.");
    expect(await status("in_progress")).toBe("Ticket **#1** is now: 🔵 In progress.");
    expect(await status("in_progress")).toBe("Ticket **#1** is already: 🔵 In progress.");
    expect(await status("in_progress", inLocale(staff, "fr"))).toBe(
      "Le ticket **#1** est déjà : 🔵 En cours.",
    );

    // A reply DM after them all: by then any DM the refused calls sent would have gone out first.
    await run(staff, "/ticket reply ticket:1 message:Back on it");
    const dms = await waitForRequests(
      (all) => dmsTo(memberA.userId, subject)(all).filter((r) => r.path !== "/users/@me/channels"),
      2,
    );
    expect(dms.map((r) => (r.body as { content: string }).content)).toEqual([
      `Your ticket **#1** was closed by the support team: ${subject}`,
      `The support team replied to your ticket **#1**: ${subject}`,
    ]);
  });
});

describe("the dashboard's status", { timeout: 60_000 }, () => {
  it("reopens the thread when it leaves closed, and refuses the status the ticket already has", async () => {
    const cast = homeCast();
    const { number, threadId } = await ticketWithThread(cast.memberA, "Reopened from the web");
    await run(cast.staff, `/ticket close ticket:${number}`);
    await threadLocked(threadId, true);
    const token = await sessionFor(cast.staff);
    const open = { method: "PATCH", token, body: { status: "open" } };
    expect(await api(`/tickets/${number}/status`, open)).toMatchObject({
      status: 200,
      json: { number, status: "open" },
    });
    expect((await threadLocked(threadId, false)).thread_metadata.archived).toBe(false);
    expect(await api(`/tickets/${number}/status`, open)).toMatchObject({
      status: 409,
      json: {
        error: { code: "ticket_status_unchanged", message: `Ticket #${number} already has this status.` },
      },
    });
  });
});
