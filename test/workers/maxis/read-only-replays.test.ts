/**
 * Replays of read-only interactions (`readOnly` in src/shared/discord/handlers.ts): the same signed
 * `/shop`, `/ticket list` or `/ticket view` sent twice is answered the same twice, without a ledger
 * claim (the Durable Object round trip every state-changing interaction pays). Whatever changes state
 * is still claimed, even beside a read-only subcommand of the same command.
 */
import { env, exports } from "cloudflare:workers";
import type { APIInteraction } from "discord-api-types/v10";
import { describe, expect, it } from "vitest";
import { commandInteraction, parseCommandLine } from "../../../scripts/lib/interaction-builder";
import { claimInteraction } from "../../../src/shared/discord/ledger-shards";
import { translate } from "../../../src/shared/i18n";
import { deliverOk, signRequest } from "../support/interaction-boundary";
import {
  createdNumber,
  definitions,
  freshCast,
  homeCast,
  messageOf,
  privateText,
  run,
} from "./tickets-support";

const worker = () => exports.default;
const ALREADY_HANDLED = translate("en", "interaction.already_handled");

/** A signed interaction, and whether its id is still free in the ledger after what the test did. */
async function signed(interaction: APIInteraction) {
  const request = await signRequest(JSON.stringify(interaction));
  const stillUnclaimed = () => claimInteraction(env, interaction.id, Math.floor(Date.now() / 1000));
  return { request, stillUnclaimed };
}

const commandAs = (actor: Parameters<typeof run>[0], line: string, extra: object = {}) =>
  ({ ...commandInteraction(actor, parseCommandLine(line, definitions)), ...extra }) as APIInteraction;

describe("Maxis: a replayed read-only interaction is answered again, unclaimed", () => {
  it("answers a /shop delivered twice with the same shop, and never claims its id", async () => {
    // The seeded plans are the home server's.
    const { memberA } = homeCast("en-US");
    const { request, stillUnclaimed } = await signed(commandAs(memberA, "/shop"));
    const first = await deliverOk(worker(), request);
    expect(messageOf(first).embeds?.[0]?.title).toBe(translate("en", "shop.title"));
    expect(await deliverOk(worker(), request)).toEqual(first);
    expect(await stillUnclaimed()).toBe(true);
  });

  it("answers a replayed /ticket list and /ticket view the same, in French", async () => {
    const { memberA } = freshCast("fr");
    const number = createdNumber(await run(memberA, "/ticket create subject:Relu description:Deux fois"));
    for (const line of ["/ticket list", `/ticket view ticket:${number}`]) {
      const { request, stillUnclaimed } = await signed(commandAs(memberA, line));
      const first = await deliverOk(worker(), request);
      expect(JSON.stringify(messageOf(first).embeds)).toContain("Relu");
      expect(await deliverOk(worker(), request)).toEqual(first);
      expect(await stillUnclaimed()).toBe(true);
    }
  });
});

describe("Maxis: whatever changes state is still claimed", () => {
  it("runs a replayed /ticket create once, beside its read-only /ticket list", async () => {
    const { memberA } = freshCast("en-US");
    const { request, stillUnclaimed } = await signed(
      commandAs(memberA, "/ticket create subject:Once description:Only once"),
    );
    expect(privateText(await deliverOk(worker(), request))).toMatch(/^Ticket \*\*#1\*\* is open/);
    expect(privateText(await deliverOk(worker(), request))).toBe(ALREADY_HANDLED);
    expect(await stillUnclaimed()).toBe(false);
    const list = JSON.stringify(messageOf(await run(memberA, "/ticket list")).embeds);
    expect(list.match(/`#\d+`/g)).toEqual(["`#1`"]);
  });

  it("claims a /shop that carries entitlements (it records them): its replay runs nothing", async () => {
    const { memberA } = homeCast("en-US");
    const entitlement = {
      id: String(BigInt(memberA.userId) + 1n),
      sku_id: "1300000000000000081",
      application_id: "1300000000000000001",
      user_id: memberA.userId,
      guild_id: memberA.guildId,
      type: 8,
      deleted: false,
      starts_at: new Date().toISOString(),
      ends_at: new Date(Date.now() + 86_400_000).toISOString(),
    };
    const { request, stillUnclaimed } = await signed(
      commandAs(memberA, "/shop", { entitlements: [entitlement] }),
    );
    expect(messageOf(await deliverOk(worker(), request)).embeds?.[0]?.title).toBe(
      translate("en", "shop.title"),
    );
    expect(privateText(await deliverOk(worker(), request))).toBe(ALREADY_HANDLED);
    expect(await stillUnclaimed()).toBe(false);
  });
});
