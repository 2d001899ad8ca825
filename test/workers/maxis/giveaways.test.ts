/**
 * A giveaway from /giveaway-staff start to the announcement, in workerd with its Durable Object: the
 * message and its coalesced count updates, entering and leaving under role rules, and what staff do.
 */
import { evictDurableObject, runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { exports } from "cloudflare:workers";
import { InteractionResponseType, MessageFlags } from "discord-api-types/v10";
import { describe, expect, it } from "vitest";
import { LOCAL_MEMBER_ID } from "../../../scripts/lib/local-identities";
import { snowflake } from "../../support/snowflake";
import { sendInteraction, waitForDiscordRequests } from "../support/discord";
import {
  channelRequests,
  click,
  command,
  commandFor,
  contentOf,
  runRefresh,
  staff,
  startByCommand,
} from "./giveaway-support";

const memberId = (i: number) => String(1_300_000_000_100_000_000n + BigInt(i));
const RUSH_TIMEOUT_MS = 60_000;

describe("a giveaway from /giveaway-staff start to the announcement", () => {
  it("posts the message, coalesces count updates, draws at the alarm and announces once", async () => {
    const channel = snowflake();
    const { id, content, stub } = await startByCommand(channel, "winners:2");
    expect(content).toMatch(
      new RegExp(`^Giveaway \\*\\*${id}\\*\\* started in <#${channel}>; the draw is <t:\\d+:R>\\.$`),
    );

    const [posted, ...others] = await channelRequests(channel);
    expect(others).toEqual([]);
    expect(posted).toMatchObject({
      method: "POST",
      path: `/channels/${channel}/messages`,
      authorization: "Bot local-bot-token",
      body: {
        allowed_mentions: { parse: [] },
        components: [{ components: [{ custom_id: `giveaway:enter:${id}`, label: "Enter" }] }],
      },
    });
    const messageId = (await stub.summary())?.messageId;

    const members = [memberId(1), memberId(2), memberId(3)];
    for (const [i, member] of members.entries()) {
      const { response } = await click({ userId: member }, `giveaway:enter:${id}`);
      expect(contentOf(response)).toBe(
        `You're in! ${i + 1} ${i === 0 ? "entrant" : "entrants"} so far. Good luck!`,
      );
    }
    const again = await click({ userId: memberId(1) }, `giveaway:enter:${id}`);
    expect(contentOf(again.response)).toBe("You're already in this giveaway (3 entrants). Want to leave it?");
    expect(JSON.stringify(again.response)).toContain(`giveaway:leave:${id}`);

    // Three entries, one edit: they share one refresh.
    await runRefresh(stub);
    const refresh = (await channelRequests(channel)).slice(1);
    expect(refresh).toHaveLength(1);
    expect(refresh[0]).toMatchObject({ method: "PATCH", path: `/channels/${channel}/messages/${messageId}` });
    expect(JSON.stringify(refresh[0]?.body)).toContain("Entrants: **3**");

    // The end alarm: the draw is stored, the message edited, the winners announced.
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    const summary = await stub.summary();
    expect(summary?.status).toBe("ended");
    expect(summary?.winners).toHaveLength(2);
    const winners = summary?.winners ?? [];
    expect(members).toEqual(expect.arrayContaining(winners));
    expect(new Set(winners).size).toBe(2);

    const ending = (await channelRequests(channel)).slice(2);
    expect(ending.map((r) => `${r.method} ${r.path}`)).toEqual([
      `PATCH /channels/${channel}/messages/${messageId}`,
      `POST /channels/${channel}/messages`,
    ]);
    expect(ending[0]?.body).toMatchObject({ components: [] });
    expect(JSON.stringify(ending[0]?.body)).toContain(`Winners: ${winners.map((w) => `<@${w}>`).join(", ")}`);
    expect(ending[1]?.body).toEqual({
      content: `🎉 Congratulations ${winners.map((w) => `<@${w}>`).join(", ")}! You won **Nitro Classic**!`,
      allowed_mentions: { parse: [], users: winners },
      flags: MessageFlags.SuppressEmbeds,
      message_reference: { message_id: messageId, fail_if_not_exists: false },
      nonce: `gw-${id}-1`,
      enforce_nonce: true,
    });

    // Alarms are at least once: a second run must neither draw again nor announce again.
    await runInDurableObject(stub, (instance) => instance.alarm());
    expect((await stub.summary())?.winners).toEqual(winners);
    expect(await channelRequests(channel)).toHaveLength(4);
    expect(await runDurableObjectAlarm(stub)).toBe(false);

    const late = await click({ userId: memberId(4) }, `giveaway:enter:${id}`);
    expect(contentOf(late.response)).toBe("This giveaway has ended: entries are closed.");
  });

  // A thousand signed clicks, each through the interaction ledger and the giveaway's object, on a
  // shared CI machine: what is tested is the count, so the time allowed is generous.
  it(
    "takes 1,000 concurrent entries from 1,000 members as exactly 1,000 entrants, with one edit",
    async () => {
      const channel = snowflake();
      const { id, stub } = await startByCommand(channel);
      const answers = await Promise.all(
        Array.from({ length: 1000 }, (_, i) => click({ userId: memberId(1000 + i) }, `giveaway:enter:${id}`)),
      );
      expect(answers.every((a) => contentOf(a.response).startsWith("You're in!"))).toBe(true);
      expect((await stub.summary())?.entrants).toBe(1000);
      const rows = await runInDurableObject(stub, (_, state) =>
        state.storage.sql.exec<{ n: number }>("SELECT count(*) AS n FROM entrants").one(),
      );
      expect(rows.n).toBe(1000);

      await runRefresh(stub);
      const patches = (await channelRequests(channel)).filter((r) => r.method === "PATCH");
      expect(patches).toHaveLength(1);
      expect(JSON.stringify(patches[0]?.body)).toContain("Entrants: **1000**");
    },
    RUSH_TIMEOUT_MS,
  );

  it(
    "takes 1,000 concurrent entries from one member as one entrant",
    async () => {
      const { id, stub } = await startByCommand(snowflake());
      const answers = await Promise.all(
        Array.from({ length: 1000 }, () => click({ userId: LOCAL_MEMBER_ID }, `giveaway:enter:${id}`)),
      );
      const texts = answers.map((a) => contentOf(a.response));
      expect(texts.filter((t) => t.startsWith("You're in!"))).toHaveLength(1);
      expect(texts.filter((t) => t.startsWith("You're already in"))).toHaveLength(999);
      expect((await stub.summary())?.entrants).toBe(1);
    },
    RUSH_TIMEOUT_MS,
  );
});

describe("entering and leaving", () => {
  it("tells a member without the required role why, and weights bonus roles", async () => {
    const requiredRole = snowflake();
    const bonusRole = snowflake();
    const { id, stub } = await startByCommand(
      snowflake(),
      `required_role:${requiredRole} bonus_role:${bonusRole} bonus_entries:4`,
    );
    const refused = await click({ userId: memberId(1), roles: [bonusRole] }, `giveaway:enter:${id}`);
    expect(contentOf(refused.response)).toBe(
      `Only members with the <@&${requiredRole}> role can enter this giveaway.`,
    );
    await click({ userId: memberId(2), roles: [requiredRole] }, `giveaway:enter:${id}`);
    await click({ userId: memberId(3), roles: [requiredRole, bonusRole] }, `giveaway:enter:${id}`);
    const weights = await runInDurableObject(stub, (_, state) =>
      state.storage.sql
        .exec<{ user_id: string; weight: number }>("SELECT user_id, weight FROM entrants ORDER BY user_id")
        .toArray(),
    );
    expect(weights).toEqual([
      { user_id: memberId(2), weight: 1 },
      { user_id: memberId(3), weight: 5 },
    ]);
  });

  it("lets a member leave, and keeps entrants when the object is evicted", async () => {
    const { id, stub } = await startByCommand(snowflake());
    await click({ userId: memberId(1) }, `giveaway:enter:${id}`);
    await click({ userId: memberId(2) }, `giveaway:enter:${id}`);
    const left = await click({ userId: memberId(1) }, `giveaway:leave:${id}`);
    expect(left.response).toMatchObject({
      type: InteractionResponseType.UpdateMessage,
      data: { content: "You left the giveaway. 1 entrant remains.", components: [] },
    });
    await evictDurableObject(stub);
    expect((await stub.summary())?.entrants).toBe(1);
    const again = await click({ userId: memberId(2) }, `giveaway:enter:${id}`);
    expect(contentOf(again.response)).toContain("already in this giveaway (1 entrant)");
  });
});

describe("staff operations", () => {
  it("ends early, rerolls among those who have not won, and refuses members", async () => {
    const channel = snowflake();
    const { id, stub } = await startByCommand(channel);
    for (let i = 1; i <= 3; i++) await click({ userId: memberId(i) }, `giveaway:enter:${id}`);

    const refused = await command({ userId: LOCAL_MEMBER_ID }, `/giveaway-staff end id:${id}`);
    expect(contentOf(refused.response)).toBe("Only staff can start, end or reroll giveaways.");
    expect((await stub.summary())?.status).toBe("running");

    const end = commandFor(staff, `/giveaway-staff end id:${id}`);
    await sendInteraction(exports.default, end);
    const [endEdit] = await waitForDiscordRequests(end.token);
    const first = (await stub.summary())?.winners ?? [];
    expect(first).toHaveLength(1);
    expect((endEdit?.body as { content?: string } | undefined)?.content).toBe(
      `Giveaway **${id}** is drawn: <@${first[0]}>.`,
    );

    const drawn = new Set(first);
    for (let round = 2; round <= 3; round++) {
      const reroll = commandFor(staff, `/giveaway-staff reroll id:${id}`);
      await sendInteraction(exports.default, reroll);
      await waitForDiscordRequests(reroll.token);
      const [winner] = (await stub.summary())?.winners ?? [];
      expect(drawn.has(winner as string)).toBe(false);
      drawn.add(winner as string);
    }
    expect(drawn.size).toBe(3);
    const rerollAnnouncements = (await channelRequests(channel)).filter(
      (r) => r.method === "POST" && (r.body as { nonce?: string }).nonce?.startsWith(`gw-${id}-`),
    );
    expect(rerollAnnouncements.map((r) => (r.body as { nonce: string }).nonce)).toEqual([
      `gw-${id}-1`,
      `gw-${id}-2`,
      `gw-${id}-3`,
    ]);

    const empty = await stub.reroll(null);
    expect(empty).toEqual({ ok: false, error: { code: "no_entrants_left" } });
    expect(await stub.endNow()).toEqual({ ok: false, error: { code: "already_ended" } });
  });

  it("lists the running giveaways of this server", async () => {
    const channel = snowflake();
    const { id } = await startByCommand(channel);
    const { response } = await command({ userId: LOCAL_MEMBER_ID }, "/giveaway list");
    expect(contentOf(response)).toContain(`• **${id}**: Nitro Classic in <#${channel}>, ends <t:`);
  });
});
