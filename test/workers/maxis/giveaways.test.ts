import { evictDurableObject, runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { env, exports } from "cloudflare:workers";
import {
  type APIInteraction,
  type APIInteractionResponse,
  InteractionResponseType,
  MessageFlags,
} from "discord-api-types/v10";
import { describe, expect, inject, it } from "vitest";
import {
  buttonInteraction,
  commandInteraction,
  parseCommandLine,
} from "../../../scripts/lib/interaction-builder";
import {
  LOCAL_GUILD_ID,
  LOCAL_MEMBER_ID,
  LOCAL_STAFF_ID,
  LOCAL_STAFF_ROLE_ID,
} from "../../../scripts/lib/local-identities";
import type { RecordedRequest } from "../../../scripts/local-discord/server";
import { maxisHandlers } from "../../../src/maxis/commands";
import { giveawayStub, listRunningGiveaways, startGiveaway } from "../../../src/maxis/giveaways/service";
import { snowflake } from "../../support/snowflake";
import { addLocalChannel, sendInteraction, waitForDiscordRequests } from "../support/discord";

const definitions = maxisHandlers.commands.map((command) => command.data);
const local = inject("discordLocalUrl");
const staff = { userId: LOCAL_STAFF_ID, roles: [LOCAL_STAFF_ROLE_ID] };

const memberId = (i: number) => String(1_300_000_000_100_000_000n + BigInt(i));
const RUSH_TIMEOUT_MS = 60_000;

async function channelRequests(channelId: string): Promise<RecordedRequest[]> {
  const res = await fetch(`${local}/__local/requests`);
  return ((await res.json()) as RecordedRequest[]).filter((r) =>
    r.path.startsWith(`/channels/${channelId}/`),
  );
}

const contentOf = (response: APIInteractionResponse) =>
  response.type === InteractionResponseType.ChannelMessageWithSource ||
  response.type === InteractionResponseType.UpdateMessage
    ? (response.data?.content ?? "")
    : "";

async function command(actor: typeof staff | { userId: string }, line: string) {
  return sendInteraction(exports.default, commandInteraction(actor, parseCommandLine(line, definitions)));
}

/** Starts a giveaway with /giveaway-staff start as staff; returns its id from the deferred answer. */
async function startByCommand(channelId: string, options = "") {
  await addLocalChannel(channelId, LOCAL_GUILD_ID);
  const interaction = commandInteraction(
    staff,
    parseCommandLine(
      `/giveaway-staff start prize:Nitro Classic duration:1h channel:${channelId} ${options}`,
      definitions,
    ),
  ) as APIInteraction & { token: string };
  const { response } = await sendInteraction(exports.default, interaction);
  expect(response).toEqual({
    type: InteractionResponseType.DeferredChannelMessageWithSource,
    data: { flags: MessageFlags.Ephemeral },
  });
  const [followup] = await waitForDiscordRequests(interaction.token);
  const content = String((followup?.body as { content?: string } | undefined)?.content);
  const id = /\*\*([0-9a-z]{8})\*\*/.exec(content)?.[1];
  if (!id) throw new Error(`no giveaway id in ${content}`);
  return { id, content, stub: giveawayStub(env, id) };
}

/**
 * Runs the pending count refresh now, unless the real alarm already did (it fires by itself
 * REFRESH_DELAY_MS after the first entry, which a slow machine may reach).
 */
async function runRefresh(stub: ReturnType<typeof giveawayStub>): Promise<void> {
  const pending = await runInDurableObject(stub, (_, state) =>
    state.storage.sql.exec<{ due: number | null }>("SELECT refresh_due_at AS due FROM giveaway").one(),
  );
  if (pending.due !== null) expect(await runDurableObjectAlarm(stub)).toBe(true);
}

const click = (userId: string, customId: string, roles: string[] = []) =>
  sendInteraction(exports.default, buttonInteraction({ userId, roles }, customId));

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
      const { response } = await click(member, `giveaway:enter:${id}`);
      expect(contentOf(response)).toBe(
        `You're in! ${i + 1} ${i === 0 ? "entrant" : "entrants"} so far. Good luck!`,
      );
    }
    const again = await click(memberId(1), `giveaway:enter:${id}`);
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
      message_reference: { message_id: messageId, fail_if_not_exists: false },
      nonce: `gw-${id}-1`,
      enforce_nonce: true,
    });

    // Alarms are at least once: a second run must neither draw again nor announce again.
    await runInDurableObject(stub, (instance) => instance.alarm());
    expect((await stub.summary())?.winners).toEqual(winners);
    expect(await channelRequests(channel)).toHaveLength(4);
    expect(await runDurableObjectAlarm(stub)).toBe(false);

    const late = await click(memberId(4), `giveaway:enter:${id}`);
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
        Array.from({ length: 1000 }, (_, i) => click(memberId(1000 + i), `giveaway:enter:${id}`)),
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
        Array.from({ length: 1000 }, () => click(LOCAL_MEMBER_ID, `giveaway:enter:${id}`)),
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
    const refused = await click(memberId(1), `giveaway:enter:${id}`, [bonusRole]);
    expect(contentOf(refused.response)).toBe(
      `Only members with the <@&${requiredRole}> role can enter this giveaway.`,
    );
    await click(memberId(2), `giveaway:enter:${id}`, [requiredRole]);
    await click(memberId(3), `giveaway:enter:${id}`, [requiredRole, bonusRole]);
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
    await click(memberId(1), `giveaway:enter:${id}`);
    await click(memberId(2), `giveaway:enter:${id}`);
    const left = await click(memberId(1), `giveaway:leave:${id}`);
    expect(left.response).toMatchObject({
      type: InteractionResponseType.UpdateMessage,
      data: { content: "You left the giveaway. 1 entrant remains.", components: [] },
    });
    await evictDurableObject(stub);
    expect((await stub.summary())?.entrants).toBe(1);
    const again = await click(memberId(2), `giveaway:enter:${id}`);
    expect(contentOf(again.response)).toContain("already in this giveaway (1 entrant)");
  });
});

describe("staff operations", () => {
  it("ends early, rerolls among those who have not won, and refuses members", async () => {
    const channel = snowflake();
    const { id, stub } = await startByCommand(channel);
    for (let i = 1; i <= 3; i++) await click(memberId(i), `giveaway:enter:${id}`);

    const refused = await command({ userId: LOCAL_MEMBER_ID }, `/giveaway-staff end id:${id}`);
    expect(contentOf(refused.response)).toBe("Only staff can start, end or reroll giveaways.");
    expect((await stub.summary())?.status).toBe("running");

    const end = commandInteraction(
      staff,
      parseCommandLine(`/giveaway-staff end id:${id}`, definitions),
    ) as APIInteraction & {
      token: string;
    };
    await sendInteraction(exports.default, end);
    const [endEdit] = await waitForDiscordRequests(end.token);
    const first = (await stub.summary())?.winners ?? [];
    expect(first).toHaveLength(1);
    expect((endEdit?.body as { content?: string } | undefined)?.content).toBe(
      `Giveaway **${id}** is drawn: <@${first[0]}>.`,
    );

    const drawn = new Set(first);
    for (let round = 2; round <= 3; round++) {
      const reroll = commandInteraction(
        staff,
        parseCommandLine(`/giveaway-staff reroll id:${id}`, definitions),
      ) as APIInteraction & {
        token: string;
      };
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

describe("bad input creates nothing", () => {
  it("refuses 0 winners, a too-long prize and an unreadable duration, without calling Discord", async () => {
    const channel = snowflake();
    const answers = [
      await command(staff, `/giveaway-staff start prize:Nitro duration:1h winners:0 channel:${channel}`),
      await command(staff, `/giveaway-staff start prize:${"x".repeat(257)} duration:1h channel:${channel}`),
      await command(staff, `/giveaway-staff start prize:Nitro duration:soon channel:${channel}`),
    ];
    expect(answers.map((a) => contentOf(a.response))).toEqual([
      "The number of winners must be between 1 and 20.",
      "The prize is too long: 256 characters at most.",
      "I can't read that duration. Write it like 30m, 48h or 7d.",
    ]);
    expect(answers.every((a) => a.response.type === InteractionResponseType.ChannelMessageWithSource)).toBe(
      true,
    );
    expect(await channelRequests(channel)).toEqual([]);
  });

  it("refuses an end time in the past from the control API", async () => {
    const channel = snowflake();
    const before = (await listRunningGiveaways(env)).length;
    const result = await startGiveaway(env, {
      prize: "Nitro",
      winners: 1,
      endsAt: Date.now() - 1000,
      guildId: "1300000000000000010",
      channelId: channel,
      hostId: null,
    });
    expect(result).toEqual({ ok: false, error: { code: "invalid_end_time" } });
    expect(await channelRequests(channel)).toEqual([]);
    expect((await listRunningGiveaways(env)).length).toBe(before);
  });

  it("creates nothing when Discord refuses the message", async () => {
    const channel = snowflake();
    await fetch(`${local}/__local/failures`, {
      method: "POST",
      body: JSON.stringify({
        method: "POST",
        pathPattern: `^/channels/${channel}/messages$`,
        status: 403,
        body: { message: "Missing Access", code: 50001 },
        times: 1,
      }),
    });
    const result = await startGiveaway(env, {
      prize: "Nitro",
      winners: 1,
      endsAt: Date.now() + 3_600_000,
      guildId: "1300000000000000010",
      channelId: channel,
      hostId: null,
    });
    expect(result).toEqual({ ok: false, error: { code: "discord_failed" } });
    expect((await listRunningGiveaways(env)).some((g) => g.channelId === channel)).toBe(false);
    expect(await channelRequests(channel)).toHaveLength(1);
  });
});
