/**
 * What Discord did with a ticket (its staff-channel post, the last refused DM to the owner): written
 * only by Maxis's notifier through three service_role-only functions, never directly by anyone, and
 * kept out of the audit trail and of updated_at, since it is bookkeeping about Discord.
 */
import { afterAll, describe, expect, it } from "vitest";
import { auditRows, callAs, mustCall, newGuild, runAs, snowflake, superuser } from "./db";

afterAll(() => superuser.end());

const ok = { p_subject: "DMs closed", p_description: "I never get DMs" };

describe("a ticket's Discord delivery state", () => {
  it("is recorded by the notifier only, returned with the ticket, and neither audited nor an edit", async () => {
    const g = newGuild();
    const t = await mustCall<{ number: number; updatedAt: string }>(g.memberA, "ticket_create", ok);
    const post = { channelId: snowflake(), messageId: snowflake() };
    const record = {
      p_guild_id: g.guildId,
      p_number: t.number,
      p_channel_id: post.channelId,
      p_message_id: post.messageId,
      p_locale: "fr",
    };
    // Members and staff of the server, and anon, may not call the notifier's functions at all.
    for (const caller of [g.memberA, g.agent, g.admin, "anon" as const]) {
      expect((await callAs(caller, "ticket_record_staff_post", record)).error?.code).toBe("42501");
      expect(
        (
          await callAs(caller, "ticket_record_dm", {
            p_guild_id: g.guildId,
            p_number: t.number,
            p_failure: "dms_closed",
          })
        ).error?.code,
      ).toBe("42501");
      expect(
        (await callAs(caller, "ticket_staff_post", { p_guild_id: g.guildId, p_number: t.number })).error
          ?.code,
      ).toBe("42501");
    }

    const audited = (await auditRows(g.guildId)).length;
    const recorded = await mustCall<{ staffPost: unknown; updatedAt: string; description: string }>(
      "service_role",
      "ticket_record_staff_post",
      record,
    );
    expect(recorded.staffPost).toEqual({ ...post, locale: "fr" });
    expect(recorded.description).toBe("I never get DMs");
    const failed = await mustCall<{
      ticket: { dmFailure: { reason: string; at: string } | null };
      changed: boolean;
    }>("service_role", "ticket_record_dm", {
      p_guild_id: g.guildId,
      p_number: t.number,
      p_failure: "dms_closed",
    });
    expect(failed).toMatchObject({ changed: true, ticket: { dmFailure: { reason: "dms_closed" } } });
    const view = await mustCall<{ ticket: { dmFailure: unknown; staffPost: unknown; updatedAt: string } }>(
      g.agent,
      "ticket_view",
      { p_ticket: String(t.number) },
    );
    expect(view.ticket).toMatchObject({
      dmFailure: { reason: "dms_closed" },
      staffPost: { ...post, locale: "fr" },
    });
    expect(view.ticket.updatedAt).toBe(t.updatedAt);
    expect((await auditRows(g.guildId)).length).toBe(audited);

    // Delivered again: cleared; delivered while nothing was recorded: no change.
    const cleared = { p_guild_id: g.guildId, p_number: t.number, p_failure: null };
    expect(await mustCall("service_role", "ticket_record_dm", cleared)).toMatchObject({
      changed: true,
      ticket: { dmFailure: null },
    });
    expect(await mustCall("service_role", "ticket_record_dm", cleared)).toMatchObject({ changed: false });
    // Only the ticket of the server named: the same number elsewhere is another ticket.
    expect(
      (await callAs("service_role", "ticket_staff_post", { p_guild_id: snowflake(), p_number: t.number }))
        .error?.message,
    ).toBe("ticket_not_found");
  });

  it("cannot be written directly, by the owner, staff or the service role", async () => {
    const g = newGuild();
    const t = await mustCall<{ number: number }>(g.memberA, "ticket_create", ok);
    const where = `where guild_id = '${g.guildId}' and number = ${t.number}`;
    for (const caller of [g.memberA, g.agent, g.admin, "service_role" as const]) {
      for (const set of [
        `staff_post_channel_id = '1', staff_post_message_id = '2', staff_post_locale = 'en'`,
        `dm_failure = 'dms_closed', dm_failed_at = now()`,
      ]) {
        const attempt = await runAs(caller, `update public.tickets set ${set} ${where}`);
        // Refused outright, or (once direct writes are revoked altogether) not even allowed to try.
        expect(attempt.error?.code, `${JSON.stringify(caller)} ${set}`).toBe("42501");
      }
    }
    const inserted = await runAs(
      g.memberB,
      `insert into public.tickets (guild_id, owner_id, subject, description, staff_post_channel_id, staff_post_message_id, staff_post_locale)
       values ('${g.guildId}', '${g.memberB.sub}', 'x', 'y', '1', '2', 'en')`,
    );
    expect(inserted.error?.code).toBe("42501");
    const [row] = (
      await superuser.query(`select staff_post_message_id, dm_failure from public.tickets ${where}`)
    ).rows;
    expect(row).toEqual({ staff_post_message_id: null, dm_failure: null });
  });
});

describe("a ticket's thread, recorded after the ticket is created", () => {
  const recordThread = (guildId: string, number: number, threadId = snowflake()) =>
    mustCall<{ threadId: string } | null>("service_role", "ticket_record_thread", {
      p_guild_id: guildId,
      p_number: number,
      p_thread_id: threadId,
      p_parent_channel_id: snowflake(),
    });
  const threadOf = (guildId: string, number: number) =>
    mustCall<{ threadId: string } | null>("service_role", "ticket_thread", {
      p_guild_id: guildId,
      p_number: number,
    });

  it("is not recorded once the ticket was closed first: its closer found no thread to tell", async () => {
    const g = newGuild();
    const t = await mustCall<{ number: number }>(g.memberA, "ticket_create", ok);
    await mustCall(g.agent, "ticket_close", { p_ticket: String(t.number) });
    expect(await recordThread(g.guildId, t.number)).toBeNull();
    expect(await threadOf(g.guildId, t.number)).toBeNull();
  });

  it("stays recorded when the ticket closes afterwards, and a repeated record keeps the first thread", async () => {
    const g = newGuild();
    const t = await mustCall<{ number: number }>(g.memberA, "ticket_create", ok);
    const first = snowflake();
    expect(await recordThread(g.guildId, t.number, first)).toMatchObject({ threadId: first });
    await mustCall(g.agent, "ticket_close", { p_ticket: String(t.number) });
    expect(await recordThread(g.guildId, t.number)).toMatchObject({ threadId: first });
    expect(await threadOf(g.guildId, t.number)).toMatchObject({ threadId: first });
  });
});
