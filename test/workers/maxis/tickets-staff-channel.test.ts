/**
 * The staff channel post Maxis keeps for each ticket, asserted request by request at the Discord API
 * stand-in: its buttons, its redraws after every change, and servers kept apart.
 */
import { type APIEmbed, ButtonStyle, ComponentType, InteractionResponseType } from "discord-api-types/v10";
import { describe, expect, it } from "vitest";
import { LOCAL_GUILD_ID, LOCAL_STAFF_CHANNEL_ID } from "../../../scripts/lib/local-identities";
import { api, sessionFor } from "./api-support";
import { BOT, waitForTicket } from "./tickets-notify-support";
import {
  allDiscordRequests,
  buttonsOf,
  click,
  countSupabaseCalls,
  createdNumber,
  dmChannelsOpenedFor,
  freshCast,
  homeCast,
  messageOf,
  privateText,
  run,
  snowflake,
  staffPostEdits,
  staffPostsFor,
  threadCardsFor,
  visibleText,
  waitForRequests,
} from "./tickets-support";

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
            { name: "Category", value: "👤 Account", inline: true },
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
