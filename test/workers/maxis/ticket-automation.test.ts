/**
 * Close requests and ratings through Maxis in workerd (issue 13 §2, §5), against the stand-ins: staff
 * ask with `/ticket-staff close-request` or the staff post's button, the owner gets Accept / Keep open (by
 * DM here: a server without a support channel), only the owner's answer counts, once; a close asks
 * for a 1–5 rating, accepted once and only from the owner, with one optional comment.
 */
import { InteractionResponseType } from "discord-api-types/v10";
import { describe, expect, it } from "vitest";
import { api, sessionFor } from "./api-support";
import {
  type Cast,
  click,
  createdNumber,
  dmsTo,
  freshCast,
  messageOf,
  privateText,
  run,
  submitModal,
  waitForRequests,
} from "./tickets-support";

async function openTicket(cast: Cast): Promise<number> {
  return createdNumber(
    await run(cast.memberA, "/ticket create subject:Done? description:I think it works now"),
  );
}

async function askToClose(cast: Cast, number: number) {
  const answer = privateText(await run(cast.staff, `/ticket-staff close-request ticket:${number}`));
  expect(answer).toBe(
    `📨 The owner of ticket **#${number}** was asked to close it; without an answer it closes in 1 d.`,
  );
  // The prompt goes out from the request itself (its kick of the automation pass).
  await waitForRequests(
    dmsTo(cast.memberA.userId, `ticket-auto:accept:${cast.guildId}:${number}`),
    2,
    10_000,
  );
}

describe("close requests", { timeout: 30_000 }, () => {
  it("are asked by staff only, answered by the owner only, and Accept closes the ticket", async () => {
    const cast = freshCast();
    const number = await openTicket(cast);
    expect(privateText(await run(cast.memberA, `/ticket-staff close-request ticket:${number}`))).toBe(
      "Only the support team can do this.",
    );
    await askToClose(cast, number);
    const accept = `ticket-auto:accept:${cast.guildId}:${number}`;
    expect(privateText(await click(cast.memberB, accept))).toBe(
      "Only the person who opened this ticket may answer here.",
    );
    const accepted = messageOf(await click(cast.memberA, accept));
    expect(accepted.content).toBe(`✅ Ticket **#${number}** is closed. Thank you!`);
    expect(privateText(await click(cast.memberA, accept))).toBe(
      "This close request was already answered or has expired.",
    );
    // Closed: the owner is asked for a rating right away.
    await waitForRequests(
      dmsTo(cast.memberA.userId, `ticket-auto:rate:${cast.guildId}:${number}:5`),
      2,
      10_000,
    );
  });

  it("Keep open withdraws the request; the staff post's Ask to close asks again, in French", async () => {
    const cast = freshCast("fr");
    const number = await openTicket(cast);
    expect(privateText(await run(cast.staff, `/ticket-staff close-request ticket:${number}`))).toBe(
      `📨 L'auteur du ticket **#${number}** a été invité à le fermer ; sans réponse, il sera fermé dans 1 j.`,
    );
    const prompt = await waitForRequests(dmsTo(cast.memberA.userId, "Peut-il être fermé ?"), 2, 10_000);
    expect(JSON.stringify(prompt.at(-1)?.body)).toContain("Le garder ouvert");
    const kept = await click(cast.memberA, `ticket-auto:keep:${cast.guildId}:${number}`);
    expect(kept.type).toBe(InteractionResponseType.UpdateMessage);
    expect(messageOf(kept).content).toBe(
      `👍 Le ticket **#${number}** reste ouvert ; l'équipe de support va revenir vers vous.`,
    );
    const again = privateText(await click(cast.staff, `ticket-ask-close:${cast.guildId}:${number}`));
    expect(again).toBe(
      `📨 L'auteur du ticket **#${number}** a été invité à le fermer ; sans réponse, il sera fermé dans 1 j.`,
    );
    // A member cannot use the staff post's button.
    expect(
      privateText(await click(cast.memberA, `ticket-ask-close:${cast.guildId}:${number}`)),
    ).not.toContain("📨");
  });
});

describe("ratings", { timeout: 30_000 }, () => {
  it("are accepted once, from the owner only, with one comment", async () => {
    const cast = freshCast();
    const number = await openTicket(cast);
    await askToClose(cast, number);
    await click(cast.memberA, `ticket-auto:accept:${cast.guildId}:${number}`);
    await waitForRequests(
      dmsTo(cast.memberA.userId, `ticket-auto:rate:${cast.guildId}:${number}:1`),
      2,
      10_000,
    );
    const rate = (score: number) => `ticket-auto:rate:${cast.guildId}:${number}:${score}`;
    expect(privateText(await click(cast.memberB, rate(1)))).toBe(
      "Only the person who opened this ticket may answer here.",
    );
    expect(privateText(await click(cast.staff, rate(1)))).toBe(
      "Only the person who opened this ticket may answer here.",
    );
    const rated = messageOf(await click(cast.memberA, rate(4)));
    expect(rated.content).toBe(`Thank you! You rated ticket **#${number}** 4/5.`);
    expect(privateText(await click(cast.memberA, rate(5)))).toBe(
      `Ticket **#${number}** is already rated. Thank you!`,
    );
    const form = await click(cast.memberA, `ticket-auto:comment:${cast.guildId}:${number}`);
    expect(form.type).toBe(InteractionResponseType.Modal);
    const modalId = `ticket-auto-comment:${cast.guildId}:${number}`;
    expect(privateText(await submitModal(cast.memberA, modalId, { comment: "Fast and kind" }))).toBe(
      "Thank you, your comment was passed on to the team.",
    );
    expect(privateText(await submitModal(cast.memberA, modalId, { comment: "Again" }))).toBe(
      `You already sent a comment on ticket **#${number}**. Thank you!`,
    );
  });
});

describe("the dashboard's automation API", { timeout: 30_000 }, () => {
  it("shows the settings to staff, lets admins change them, and refuses bad values", async () => {
    const cast = freshCast();
    await openTicket(cast); // Maxis serves the server once: its settings exist
    const agent = await sessionFor(cast.staff);
    const admin = await sessionFor(cast.admin, "admin");
    expect((await api("/automation", { token: agent })).json).toEqual({
      autoCloseEnabled: false,
      inactivityHours: 72,
      warningHours: 24,
      closeRequestHours: 24,
      ratingsEnabled: true,
    });
    const refused = await api("/automation", {
      method: "PATCH",
      token: agent,
      body: { autoCloseEnabled: true },
    });
    expect(refused).toMatchObject({
      status: 403,
      json: {
        error: {
          code: "admin_only",
          message: "Only the server's administrators (Manage Server) may change this.",
        },
      },
    });
    const bad = await api("/automation", { method: "PATCH", token: admin, body: { warningHours: 0 } });
    expect(bad.status).toBe(400);
    expect((await api("/automation", { method: "PATCH", token: admin, body: { surprise: 1 } })).status).toBe(
      400,
    );
    const changed = await api("/automation", {
      method: "PATCH",
      token: admin,
      body: { autoCloseEnabled: true, inactivityHours: 48 },
    });
    expect(changed).toMatchObject({ status: 200, json: { autoCloseEnabled: true, inactivityHours: 48 } });
  });

  it("asks the owner to close from the dashboard, and shows satisfaction once they rate", async () => {
    const cast = freshCast();
    const number = await openTicket(cast);
    const agent = await sessionFor(cast.staff);
    const asked = await api(`/tickets/${number}/close-request`, { method: "POST", token: agent, body: {} });
    expect(asked).toMatchObject({ status: 200, json: { hours: 24 } });
    await waitForRequests(
      dmsTo(cast.memberA.userId, `ticket-auto:accept:${cast.guildId}:${number}`),
      2,
      10_000,
    );
    await click(cast.memberA, `ticket-auto:accept:${cast.guildId}:${number}`);
    await waitForRequests(
      dmsTo(cast.memberA.userId, `ticket-auto:rate:${cast.guildId}:${number}:1`),
      2,
      10_000,
    );
    await click(cast.memberA, `ticket-auto:rate:${cast.guildId}:${number}:5`);
    const stats = await api("/stats/satisfaction?days=7", { token: agent });
    expect(stats).toMatchObject({ status: 200, json: { asked: 1, rated: 1, average: 5, responseRate: 1 } });
    expect((await api("/stats/satisfaction?days=0", { token: agent })).status).toBe(400);
    expect(
      (await api("/tickets/999999/close-request", { method: "POST", token: agent, body: {} })).json,
    ).toMatchObject({ error: { code: "ticket_not_found" } });
  });
});
