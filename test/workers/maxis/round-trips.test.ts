/**
 * The hot path's database budget: `/shop` and `/ticket list` each cost exactly one Supabase round
 * trip, counted where it lands, at the REST stand-in (which records every call with the JWT's
 * `sub`). A second call hidden in a refactor (a role lookup, a settings read) shows up here before it
 * shows up in the load benchmark's p99.
 */
import { exports } from "cloudflare:workers";
import { InteractionResponseType } from "discord-api-types/v10";
import { describe, expect, inject, it } from "vitest";
import { commandInteraction, parseCommandLine } from "../../../scripts/lib/interaction-builder";
import { maxisHandlers } from "../../../src/maxis/commands";
import { sendInteraction } from "../support/discord";

const definitions = maxisHandlers.commands.map((command) => command.data);
let members = 0;
/** A member no other test acts as, so every call recorded for them is this test's. */
const freshMember = () => String(1_350_000_000_000_000_000n + BigInt(Date.now()) * 100n + BigInt(++members));

async function callsFor(sub: string): Promise<{ fn: string; role: string }[]> {
  const res = await fetch(`${inject("supabase").restUrl}/__local/calls?sub=${sub}`);
  return (await res.json()) as { fn: string; role: string }[];
}

describe("one Supabase round trip per read command", () => {
  it.each([
    ["/shop", "list_shop"],
    ["/ticket list", "ticket_list"],
  ])("%s calls %s once, as the member", async (line, fn) => {
    const userId = freshMember();
    const { response } = await sendInteraction(
      exports.default,
      commandInteraction({ userId }, parseCommandLine(line, definitions)),
    );
    expect(response.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(await callsFor(userId)).toEqual([
      { fn, role: "authenticated", sub: userId, seq: expect.any(Number) },
    ]);
  });
});
