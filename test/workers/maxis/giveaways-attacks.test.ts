/**
 * Giveaways attacked through the interactions Discord would deliver: forged buttons, other servers,
 * DMs, retried and concurrent staff actions (issue 17 hole 6, issue 10 §4). Hostile prizes: giveaways-input.test.ts.
 */
import { runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { LOCAL_GUILD_ID } from "../../../scripts/lib/local-identities";
import { addLocalChannel, sendInteraction, waitForDiscordRequests } from "../support/discord";
import {
  announcementsOf,
  channelRequests,
  click,
  commandFor,
  contentOf,
  deferredAnswer,
  dmClick,
  drawCount,
  embedOf,
  expectEntrants,
  moveEndTime,
  snowflake,
  staff,
  startByCommand,
} from "./giveaway-support";

const member = (i: number) => ({ userId: String(1_300_000_000_200_000_000n + BigInt(i)) });
const mention = (actor: { userId: string }) => `<@${actor.userId}>`;
const EXPIRED = "This button or form has expired. Run the command again.";
const NOT_FOUND = "There is no giveaway with that id.";

describe("the Enter and Leave buttons (issue 17, hole 6)", () => {
  it("counts only giveaway:enter:<id>, never any other action or shape", async () => {
    const { id, stub } = await startByCommand(snowflake());
    for (const customId of [
      `giveaway:anything:${id}`,
      `giveaway:Enter:${id}`,
      `giveaway::${id}`,
      `giveaway:enter:${id}:extra`,
      `giveaway:enter:${id.toUpperCase()}`,
    ]) {
      const { response } = await click(member(1), customId);
      expect(contentOf(response), customId).toBe(EXPIRED);
    }
    await expectEntrants(stub, 0);
    expect(contentOf((await click(member(1), `giveaway:enter:${id}`)).response)).toMatch(/^You're in!/);
  });

  it("posts a giveaway only in a channel of the server it was started from", async () => {
    // Staff of another server name this server's channel: nothing is posted there, nothing is created.
    const channel = snowflake();
    await addLocalChannel(channel, LOCAL_GUILD_ID);
    const elsewhere = { ...staff, guildId: snowflake(), administrator: true };
    const answer = await deferredAnswer(
      commandFor(elsewhere, `/giveaway-staff start prize:Nitro duration:1h channel:${channel}`),
    );
    expect(answer).toBe(
      "Giveaways are posted in a text or announcement channel of this server: choose one of its channels.",
    );
    const french = await deferredAnswer(
      commandFor(
        { ...elsewhere, locale: "fr" },
        `/giveaway-staff start prize:Nitro duration:1h channel:${channel}`,
      ),
    );
    expect(french).toBe(
      "Un concours se publie dans un salon textuel ou d'annonces de ce serveur : choisissez l'un de ses salons.",
    );
    // An unknown channel is refused the same way; the server's own channel works.
    expect(
      await deferredAnswer(
        commandFor(staff, `/giveaway-staff start prize:Nitro duration:1h channel:${snowflake()}`),
      ),
    ).toBe(
      "Giveaways are posted in a text or announcement channel of this server: choose one of its channels.",
    );
    expect((await channelRequests(channel)).filter((r) => r.method === "POST")).toEqual([]);
    await startByCommand(channel);
    expect((await channelRequests(channel)).filter((r) => r.method === "POST")).toHaveLength(1);
  });

  it("refuses a member of another server, to enter or to leave someone out", async () => {
    const { id, stub } = await startByCommand(snowflake());
    const elsewhere = { ...member(2), guildId: snowflake() };
    expect(contentOf((await click(elsewhere, `giveaway:enter:${id}`)).response)).toBe(NOT_FOUND);
    await expectEntrants(stub, 0);

    await click(member(2), `giveaway:enter:${id}`);
    const left = await click(elsewhere, `giveaway:leave:${id}`);
    expect(contentOf(left.response)).toBe(NOT_FOUND);
    await expectEntrants(stub, 1);
  });

  it("refuses a click from a DM with a private error in the member's language", async () => {
    const { id, stub } = await startByCommand(snowflake());
    const english = await dmClick(member(3).userId, `giveaway:enter:${id}`);
    expect(english.response).toEqual({
      type: 4,
      data: {
        content: "Giveaways are entered from their server: this button does not work in a DM.",
        flags: 64,
        allowed_mentions: { parse: [] },
      },
    });
    const french = await dmClick(member(3).userId, `giveaway:enter:${id}`, "fr");
    expect(contentOf(french.response)).toBe(
      "On participe à un concours depuis son serveur : ce bouton ne fonctionne pas en message privé.",
    );
    await expectEntrants(stub, 0);
  });

  it("lets every member enter when the required role is @everyone (the server's id)", async () => {
    const channel = snowflake();
    const { id, stub } = await startByCommand(channel, `required_role:${LOCAL_GUILD_ID}`);
    const [posted] = await channelRequests(channel);
    expect(JSON.stringify(posted?.body)).not.toContain("Only members with");
    expect(contentOf((await click(member(4), `giveaway:enter:${id}`)).response)).toMatch(/^You're in!/);
    await expectEntrants(stub, 1);
  });

  it("lets every member enter a giveaway stored with @everyone as its required role", async () => {
    const { id, stub } = await startByCommand(snowflake());
    // As a giveaway started before @everyone was read as "no requirement" is stored.
    await runInDurableObject(stub, (_, state) => {
      state.storage.sql.exec(
        "UPDATE giveaway SET config = json_set(config, '$.requiredRoleId', ?)",
        LOCAL_GUILD_ID,
      );
    });
    expect(contentOf((await click(member(5), `giveaway:enter:${id}`)).response)).toMatch(/^You're in!/);
  });
});

describe("rerolling (issue 10 §4)", () => {
  it("keeps the earlier winners on the giveaway card and announces only the new one", async () => {
    const channel = snowflake();
    const { id, stub } = await startByCommand(channel);
    const entrants = [member(10), member(11), member(12)];
    for (const entrant of entrants) await click(entrant, `giveaway:enter:${id}`);
    await deferredAnswer(commandFor(staff, `/giveaway-staff end id:${id}`));
    const [first] = (await stub.summary())?.winners ?? [];
    const answer = await deferredAnswer(commandFor(staff, `/giveaway-staff reroll id:${id}`));
    const [second] = (await stub.summary())?.winners ?? [];
    expect(second).not.toBe(first);
    expect(answer).toBe(`New draw for giveaway **${id}**: <@${second}>.`);

    const requests = await channelRequests(channel);
    const lastEdit = requests.filter((r) => r.method === "PATCH").at(-1);
    const { description } = embedOf(lastEdit);
    expect(description).toContain(`Winners: <@${first}>`);
    expect(description).toMatch(new RegExp(`New draw <t:\\d+:R>: <@${second}>`));
    const [, reroll] = await announcementsOf(channel, id);
    expect(reroll?.body).toMatchObject({
      content: `🎉 New draw for **Nitro Classic**: congratulations <@${second}>!`,
      allowed_mentions: { parse: [], users: [second] },
      nonce: `gw-${id}-2`,
    });
  });

  it("says there is nobody to draw when nobody entered, in English and French", async () => {
    const channel = snowflake();
    const { id, stub } = await startByCommand(channel);
    await deferredAnswer(commandFor(staff, `/giveaway-staff end id:${id}`));
    expect(await deferredAnswer(commandFor(staff, `/giveaway-staff reroll id:${id}`))).toBe(
      "Nobody entered this giveaway: there is nobody to draw.",
    );
    expect(
      await deferredAnswer(commandFor({ ...staff, locale: "fr" }, `/giveaway-staff reroll id:${id}`)),
    ).toBe("Personne n'a participé à ce concours : il n'y a personne à tirer au sort.");
    expect(await drawCount(stub)).toBe(1);
    expect(await announcementsOf(channel, id)).toHaveLength(1);
  });

  it("says every entrant has won once they all have, and refuses a giveaway still running", async () => {
    const { id } = await startByCommand(snowflake());
    await click(member(20), `giveaway:enter:${id}`);
    expect(await deferredAnswer(commandFor(staff, `/giveaway-staff reroll id:${id}`))).toBe(
      "This giveaway is still running: end it first, then reroll.",
    );
    await deferredAnswer(commandFor(staff, `/giveaway-staff end id:${id}`));
    expect(await deferredAnswer(commandFor(staff, `/giveaway-staff reroll id:${id}`))).toBe(
      "Every entrant has already won: there is no one left to draw.",
    );
  });

  it("draws once for a reroll Discord delivers twice", async () => {
    const channel = snowflake();
    const { id, stub } = await startByCommand(channel);
    for (const entrant of [member(30), member(31), member(32)]) await click(entrant, `giveaway:enter:${id}`);
    await deferredAnswer(commandFor(staff, `/giveaway-staff end id:${id}`));
    const reroll = commandFor(staff, `/giveaway-staff reroll id:${id}`);
    await sendInteraction(exports.default, reroll);
    await waitForDiscordRequests(reroll.token);
    await sendInteraction(exports.default, reroll).catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await drawCount(stub)).toBe(2);
    const nonces = (await announcementsOf(channel, id)).map((r) => (r.body as { nonce: string }).nonce);
    expect(nonces).toEqual([`gw-${id}-1`, `gw-${id}-2`]);
  });

  it("answers a retried end or reroll with the draw it made, without drawing again", async () => {
    const { id, stub } = await startByCommand(snowflake());
    for (const entrant of [member(40), member(41), member(42)]) await click(entrant, `giveaway:enter:${id}`);
    const ended = await stub.endNow("interaction-1");
    expect(await stub.endNow("interaction-1")).toEqual(ended);
    expect(await stub.endNow("interaction-2")).toEqual({ ok: false, error: { code: "already_ended" } });
    const rerolled = await stub.reroll(null, "interaction-3");
    expect(rerolled.ok).toBe(true);
    await stub.reroll(null, "interaction-4");
    expect(await stub.reroll(null, "interaction-3")).toEqual(rerolled);
    expect(await drawCount(stub)).toBe(3);
  });
});

describe("ending, entering and leaving at the edges", () => {
  it("draws and announces once when two staff end the same giveaway at once", async () => {
    const channel = snowflake();
    const { id, stub } = await startByCommand(channel);
    await click(member(50), `giveaway:enter:${id}`);
    const answers = await Promise.all([
      deferredAnswer(commandFor(staff, `/giveaway-staff end id:${id}`)),
      deferredAnswer(commandFor(staff, `/giveaway-staff end id:${id}`)),
    ]);
    expect(answers.sort()).toEqual([
      `Giveaway **${id}** is drawn: ${mention(member(50))}.`,
      "This giveaway has already ended.",
    ]);
    expect(await drawCount(stub)).toBe(1);
    expect(await announcementsOf(channel, id)).toHaveLength(1);
  });

  it("closes entries and departures at the end time, even before the draw has run", async () => {
    const { id, stub } = await startByCommand(snowflake());
    await click(member(60), `giveaway:enter:${id}`);
    await moveEndTime(stub, Date.now() - 1000);
    expect(contentOf((await click(member(61), `giveaway:enter:${id}`)).response)).toBe(
      "This giveaway has ended: entries are closed.",
    );
    const left = await click(member(60), `giveaway:leave:${id}`);
    expect(contentOf(left.response)).toBe("This giveaway has ended: entries are closed.");
    await expectEntrants(stub, 1);
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    expect((await stub.summary())?.winners).toEqual([member(60).userId]);
  });
});
