/**
 * Close requests and ratings, in Postgres (20261202010000_ticket_automation.sql): staff ask, the
 * owner accepts or keeps the ticket open, nobody answering closes it; ratings accepted once from the
 * owner only.
 */
import { afterAll, describe, expect, it } from "vitest";
import { claim, finish, type Guild, jobs, makeDue, setUp } from "./automation-support";
import { auditRows, callAs, mustCall, superuser } from "./db";

afterAll(() => superuser.end());

describe("close requests", () => {
  async function requested(g: Guild) {
    const t = await mustCall<{ number: number }>(g.memberA, "ticket_create", {
      p_subject: "Refund",
      p_description: "Please",
    });
    const asked = await mustCall<{ hours: number }>(g.agent, "ticket_close_request", {
      p_ticket: String(t.number),
    });
    expect(asked.hours).toBe(24);
    return t.number;
  }

  it("are asked by staff only, and accepted by the owner only, which closes the ticket", async () => {
    const g = await setUp({ closeRequestHours: 24 });
    const number = await requested(g);
    expect(
      (await callAs(g.memberA, "ticket_close_request", { p_ticket: String(number) })).error,
    ).toMatchObject({
      message: "staff_only",
    });
    const [prompt] = await claim(g.guildId);
    expect(prompt).toMatchObject({ kind: "close_request_prompt", hours: 24, ticket: { number } });
    await finish(prompt?.id ?? 0);
    const stranger = await callAs(g.memberB, "ticket_close_request_answer", {
      p_number: number,
      p_accept: true,
    });
    expect(stranger.error).toMatchObject({ message: "ticket_not_found" });
    const accepted = await mustCall<{ status: string; closedBy: string }>(
      g.memberA,
      "ticket_close_request_answer",
      {
        p_number: number,
        p_accept: true,
      },
    );
    expect(accepted).toMatchObject({ status: "closed", closedBy: g.memberA.sub });
    const again = await callAs(g.memberA, "ticket_close_request_answer", {
      p_number: number,
      p_accept: true,
    });
    expect(again.error).toMatchObject({ message: "close_request_not_pending" });
  });

  it("kept open by the owner withdraws the request", async () => {
    const g = await setUp();
    const number = await requested(g);
    const kept = await mustCall<{ status: string }>(g.memberA, "ticket_close_request_answer", {
      p_number: number,
      p_accept: false,
    });
    expect(kept.status).toBe("open");
    await makeDue(g.guildId);
    expect(await claim(g.guildId)).toEqual([]);
  });

  it("close by themselves when nobody answers, and not when the member writes", async () => {
    const g = await setUp();
    const silent = await requested(g);
    const talkative = await requested(g);
    await mustCall(g.memberA, "ticket_reply", {
      p_ticket: String(talkative),
      p_body: "Wait, one more thing",
    });
    await makeDue(g.guildId);
    const claimed = await claim(g.guildId);
    expect(claimed.map((j) => [j.kind, j.ticket.number, j.ticket.status])).toEqual([
      ["close_request_timeout", silent, "closed"],
    ]);
    expect((await auditRows(g.guildId)).map((a) => a.action)).toContain("close_request_cancelled");
  });
});

describe("ratings", () => {
  async function closedAndPrompted(g: Guild) {
    const t = await mustCall<{ number: number }>(g.memberA, "ticket_create", {
      p_subject: "Thanks",
      p_description: "Solved",
    });
    await mustCall(g.agent, "ticket_assign", { p_ticket: String(t.number), p_assignee_id: g.agent.sub });
    await mustCall(g.agent, "ticket_close", { p_ticket: String(t.number) });
    const [prompt] = await claim(g.guildId);
    expect(prompt).toMatchObject({ kind: "rating_prompt", ticket: { number: t.number } });
    await finish(prompt?.id ?? 0);
    return t.number;
  }

  it("are accepted once, from the owner only, with one optional comment, and counted in the stats", async () => {
    const g = await setUp({ ratingsEnabled: true });
    const number = await closedAndPrompted(g);
    for (const other of [g.memberB, g.agent]) {
      expect((await callAs(other, "ticket_rate", { p_number: number, p_score: 1 })).error).toMatchObject({
        message: "ticket_not_found",
      });
    }
    expect((await callAs(g.memberA, "ticket_rate", { p_number: number, p_score: 9 })).error).toMatchObject({
      message: "invalid_score",
    });
    await mustCall(g.memberA, "ticket_rate", { p_number: number, p_score: 4 });
    expect((await callAs(g.memberA, "ticket_rate", { p_number: number, p_score: 5 })).error).toMatchObject({
      message: "already_rated",
    });
    await mustCall(g.memberA, "ticket_rate_comment", { p_number: number, p_comment: "Quick and kind" });
    expect(
      (await callAs(g.memberA, "ticket_rate_comment", { p_number: number, p_comment: "Again" })).error,
    ).toMatchObject({ message: "already_commented" });
    await closedAndPrompted(g); // asked, never answered

    const stats = await mustCall<Record<string, unknown>>(g.agent, "ticket_satisfaction", { p_days: 30 });
    expect(stats).toMatchObject({
      asked: 2,
      rated: 1,
      average: 4,
      responseRate: 0.5,
      agents: [{ agentId: g.agent.sub, asked: 2, rated: 1, average: 4 }],
      recentComments: [{ number, score: 4, comment: "Quick and kind" }],
    });
    expect((await callAs(g.memberA, "ticket_satisfaction", { p_days: 30 })).error).toMatchObject({
      message: "staff_only",
    });
  });

  it("are not asked when the server turned them off", async () => {
    const g = await setUp({ ratingsEnabled: false });
    const t = await mustCall<{ number: number }>(g.memberA, "ticket_create", {
      p_subject: "x",
      p_description: "y",
    });
    await mustCall(g.agent, "ticket_close", { p_ticket: String(t.number) });
    expect(await jobs(g.guildId)).toEqual([]);
  });
});

describe("rating prompts and refusals", () => {
  it("are asked only while the ticket is closed, a retry included", async () => {
    const g = await setUp({ ratingsEnabled: true });
    const t = await mustCall<{ number: number }>(g.memberA, "ticket_create", {
      p_subject: "Again",
      p_description: "It came back",
    });
    const ref = { p_ticket: String(t.number) };
    await mustCall(g.agent, "ticket_close", ref);
    await mustCall(g.agent, "ticket_reopen", ref);
    expect(await claim(g.guildId)).toEqual([]);
    expect(await jobs(g.guildId)).toEqual([]);
    // Closed again: asked; the pass dies before its outcome, and the ticket is reopened meanwhile.
    await mustCall(g.agent, "ticket_close", ref);
    expect(await claim(g.guildId)).toMatchObject([{ kind: "rating_prompt" }]);
    await mustCall(g.agent, "ticket_reopen", ref);
    await makeDue(g.guildId);
    expect(await claim(g.guildId)).toEqual([]);
    expect(await jobs(g.guildId)).toEqual([]);
  });

  it("say why: never asked, not rated yet, a comment already sent", async () => {
    const g = await setUp({ ratingsEnabled: true });
    const t = await mustCall<{ number: number }>(g.memberA, "ticket_create", {
      p_subject: "Rate",
      p_description: "Me",
    });
    const rate = { p_number: t.number, p_score: 5 };
    const comment = { p_number: t.number, p_comment: "Nice" };
    expect((await callAs(g.memberA, "ticket_rate", rate)).error).toMatchObject({
      message: "rating_not_asked",
    });
    expect((await callAs(g.memberB, "ticket_rate", rate)).error).toMatchObject({
      message: "ticket_not_found",
    });
    await mustCall(g.agent, "ticket_close", { p_ticket: String(t.number) });
    const [prompt] = await claim(g.guildId);
    await finish(prompt?.id ?? 0);
    expect((await callAs(g.memberA, "ticket_rate_comment", comment)).error).toMatchObject({
      message: "rating_missing",
    });
    await mustCall(g.memberA, "ticket_rate", rate);
    await mustCall(g.memberA, "ticket_rate_comment", comment);
    expect((await callAs(g.memberA, "ticket_rate_comment", comment)).error).toMatchObject({
      message: "already_commented",
    });
    expect((await callAs(g.memberB, "ticket_rate_comment", comment)).error).toMatchObject({
      message: "ticket_not_found",
    });
  });
});
