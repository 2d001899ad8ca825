/**
 * The rating prompt against the stand-ins (a server without a support channel: the prompt goes by
 * DM): it is only sent while the ticket is still closed.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import type { Actor } from "../../../scripts/lib/interaction-builder";
import { runAutomationPass } from "../../../src/maxis/tickets/automation/pass";
import { allDiscordRequests, type Cast, dmsTo, freshCast, run } from "./tickets-support";

/** The text of each DM (not the DM channels opened) carrying the rating buttons of ticket #number. */
async function ratingPrompts(cast: Cast, member: Actor, number: number) {
  const sent = dmsTo(member.userId, `ticket-auto:rate:${cast.guildId}:${number}:1`);
  return sent(await allDiscordRequests())
    .filter((r) => r.path !== "/users/@me/channels")
    .map((r) => (r.body as { content?: string }).content);
}

describe("the rating prompt", { timeout: 30_000 }, () => {
  it("is dropped when the ticket was reopened before it went out, and asked at the next close", async () => {
    const cast = freshCast();
    await run(cast.memberA, "/ticket create subject:Back again description:It came back");
    await run(cast.staff, "/ticket close ticket:1");
    await run(cast.memberA, "/ticket reopen ticket:1");
    expect(await runAutomationPass(env, { guildId: cast.guildId })).toMatchObject({ delivered: 0 });
    expect(await ratingPrompts(cast, cast.memberA, 1)).toEqual([]);

    await run(cast.staff, "/ticket close ticket:1");
    expect(await runAutomationPass(env, { guildId: cast.guildId })).toMatchObject({ delivered: 1 });
    expect(await ratingPrompts(cast, cast.memberA, 1)).toHaveLength(1);
  });
});
