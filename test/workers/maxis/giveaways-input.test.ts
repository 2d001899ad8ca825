/**
 * Giveaways and what staff type: bad input creates nothing (from the command and the control API,
 * nor when Discord refuses the message), and the prize is shown as the text it is.
 */

import { env, exports } from "cloudflare:workers";
import { InteractionResponseType, MessageFlags } from "discord-api-types/v10";
import { describe, expect, inject, it } from "vitest";
import { LOCAL_GUILD_ID } from "../../../scripts/lib/local-identities";
import { listRunningGiveaways, startGiveaway } from "../../../src/maxis/giveaways/service";
import { sendInteraction } from "../support/discord";
import {
  announcementsOf,
  channelRequests,
  click,
  command,
  commandFor,
  contentOf,
  deferredAnswer,
  embedOf,
  snowflake,
  staff,
  startByCommand,
} from "./giveaway-support";

const local = inject("discordLocalUrl");
const member = (i: number) => ({ userId: String(1_300_000_000_300_000_000n + BigInt(i)) });
const mention = (actor: { userId: string }) => `<@${actor.userId}>`;

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

describe("the prize is text, whatever it says", () => {
  const hostile = "**Free** @everyone <@1300000000000000444> [claim](https://evil.example)";
  const escaped =
    "\\*\\*Free\\*\\* \\@everyone \\<\\@1300000000000000444\\> \\[claim\\](https\\://evil.example)";

  it("shows Markdown, mentions and links as typed (never clickable or embedded), and pings only the winners", async () => {
    const channel = snowflake();
    const { id } = await startByCommand(channel, "", hostile);
    const [posted] = await channelRequests(channel);
    expect(posted?.body).toMatchObject({
      embeds: [{ title: `🎉 ${escaped}` }],
      allowed_mentions: { parse: [] },
    });

    const list = await sendInteraction(exports.default, commandFor(member(70), "/giveaway list"));
    expect(contentOf(list.response)).toContain(`• **${id}**: ${escaped} in <#${channel}>`);

    await click(member(70), `giveaway:enter:${id}`);
    await deferredAnswer(commandFor(staff, `/giveaway-staff end id:${id}`));
    const [announced] = await announcementsOf(channel, id);
    expect(announced?.body).toMatchObject({
      content: `🎉 Congratulations ${mention(member(70))}! You won **${escaped}**!`,
      allowed_mentions: { parse: [], users: [member(70).userId] },
      flags: MessageFlags.SuppressEmbeds,
    });
  });

  it("fits the longest prize into Discord's 256-character embed title", async () => {
    const channel = snowflake();
    await startByCommand(channel, "", "*".repeat(256));
    const [posted] = await channelRequests(channel);
    const embed = embedOf(posted);
    expect(embed.title.length).toBeLessThanOrEqual(256);
    expect(embed.description.split("\n")[0]).toBe(`Prize: ${"\\*".repeat(256)}`);
  });

  it("refuses a NUL byte in the prize, from the command and from the control API, creating nothing", async () => {
    const channel = snowflake();
    const { response } = await sendInteraction(
      exports.default,
      commandFor(staff, `/giveaway-staff start prize:Nitro\u0000 duration:1h channel:${channel}`),
    );
    // The interaction boundary refuses the NUL before the command runs; the service refuses it too.
    expect(contentOf(response)).toBe(
      "Your input contains a character that cannot be stored (U+0000). Remove it and try again.",
    );
    const result = await startGiveaway(env, {
      prize: "Nitro\u0000",
      winners: 1,
      endsAt: Date.now() + 3_600_000,
      guildId: LOCAL_GUILD_ID,
      channelId: channel,
      hostId: null,
    });
    expect(result).toEqual({ ok: false, error: { code: "prize_invalid" } });
    expect(await channelRequests(channel)).toEqual([]);
  });
});
