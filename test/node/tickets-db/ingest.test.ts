/**
 * ticket_ingest_messages, the Gateway object's one call per burst (issue 12 §3): a batch stores each
 * new message once, in the order Discord sent it, ignores channels that are no ticket thread, and
 * applies edits and deletions after the messages they follow, keeping the original in the audit.
 */
import { afterAll, describe, expect, it } from "vitest";
import { callAs, mustCall, newGuild, snowflake, superuser } from "./db";

afterAll(() => superuser.end());

const create = (channelId: string, messageId: string, authorId: string, content: string, staff = false) => ({
  kind: "create",
  messageId,
  channelId,
  authorId,
  staff,
  content,
  attachments: [],
  at: new Date().toISOString(),
});

async function ticketWithThread() {
  const g = newGuild();
  const t = await mustCall<{ number: number }>(g.memberA, "ticket_create", {
    p_subject: "Ingest",
    p_description: "Batch",
    p_category: "general",
    p_priority: "low",
    p_locale: "en",
  });
  const threadId = snowflake();
  await mustCall("service_role", "ticket_record_thread", {
    p_guild_id: g.guildId,
    p_number: t.number,
    p_thread_id: threadId,
    p_parent_channel_id: snowflake(),
  });
  return { g, number: t.number, threadId };
}

async function stored(threadId: string) {
  const { rows } = await superuser.query<{
    discord_message_id: string;
    body: string;
    edited_at: Date | null;
  }>(
    `select m.discord_message_id, m.body, m.edited_at from public.ticket_messages m
       join public.ticket_threads x on x.ticket_id = m.ticket_id
      where x.thread_id = $1 order by m.id`,
    [threadId],
  );
  return rows;
}

describe("one ingestion batch", () => {
  it("stores new messages once each, in order, and counts what it skipped and ignored", async () => {
    const { g, threadId } = await ticketWithThread();
    const [a, b, c, d] = [snowflake(), snowflake(), snowflake(), snowflake()];
    const result = await mustCall("service_role", "ticket_ingest_messages", {
      p_events: JSON.stringify([
        create(threadId, a, g.memberA.sub, "first"),
        create(snowflake(), snowflake(), g.memberA.sub, "another channel"),
        create(threadId, b, g.agent.sub, "second, from staff", true),
        create(threadId, a, g.memberA.sub, "first, replayed"),
        create(threadId, c, g.memberA.sub, "   "),
        create(threadId, d, g.memberA.sub, "third"),
        { kind: "update", messageId: d, channelId: threadId, content: "third, edited", attachments: [] },
      ]),
    });
    expect(result).toEqual({ stored: 3, skipped: 2, ignored: 1, changed: 1 });
    expect((await stored(threadId)).map((m) => [m.discord_message_id, m.body])).toEqual([
      [a, "first"],
      [b, "second, from staff"],
      [d, "third, edited"],
    ]);
    // The whole batch again (a RESUME replay): nothing new.
    const again = await mustCall("service_role", "ticket_ingest_messages", {
      p_events: JSON.stringify([
        create(threadId, a, g.memberA.sub, "first"),
        create(threadId, b, g.agent.sub, "x", true),
      ]),
    });
    expect(again).toEqual({ stored: 0, skipped: 2, ignored: 0, changed: 0 });
  });

  it("counts a staff author as the first response, and the thread's cursor moves to its newest message", async () => {
    const { g, threadId } = await ticketWithThread();
    const [older, newer] = [snowflake(), snowflake()];
    await mustCall("service_role", "ticket_ingest_messages", {
      p_events: JSON.stringify([
        create(threadId, older, g.agent.sub, "on it", true),
        create(threadId, newer, g.admin.sub, "me too", true),
      ]),
    });
    const { rows } = await superuser.query<{ first_responder_id: string; last_message_id: string }>(
      `select t.first_responder_id, x.last_message_id from public.tickets t
         join public.ticket_threads x on x.ticket_id = t.id where x.thread_id = $1`,
      [threadId],
    );
    expect(rows[0]).toEqual({ first_responder_id: g.agent.sub, last_message_id: newer });
  });

  it("refuses a malformed batch whole, storing nothing", async () => {
    const { g, threadId } = await ticketWithThread();
    const { error } = await callAs("service_role", "ticket_ingest_messages", {
      p_events: JSON.stringify([
        create(threadId, snowflake(), g.memberA.sub, "ok"),
        { kind: "create", messageId: "x" },
      ]),
    });
    expect(error?.message).toBe("invalid_events");
    expect(await stored(threadId)).toEqual([]);
  });
});
