/**
 * Maxis's interaction boundary: malformed signed bodies and the timestamp window (the table shared
 * with Shellia), and replays: the same signed request sent twice runs once.
 */
import { exports } from "cloudflare:workers";
import { InteractionResponseType } from "discord-api-types/v10";
import { describe, expect, it } from "vitest";
import {
  buttonInteraction,
  commandInteraction,
  parseCommandLine,
  pingInteraction,
} from "../../../scripts/lib/interaction-builder";
import type { RecordedRequest } from "../../../scripts/local-discord/server";
import { deliverOk, describeInteractionBoundary, signRequest } from "../support/interaction-boundary";
import {
  buttonsOf,
  countSupabaseCalls,
  createdNumber,
  definitions,
  freshCast,
  homeCast,
  messageOf,
  privateText,
  run,
  staffPostsFor,
  threadCardsFor,
  waitForRequests,
} from "./tickets-support";

const worker = () => exports.default;

describeInteractionBoundary("Maxis", worker);

const ALREADY_HANDLED = {
  en: "This interaction was already handled; it was not run again.",
  fr: "Cette interaction a déjà été traitée ; elle n'a pas été relancée.",
};

/** The tickets a member sees in `/ticket list`, as their `#n` numbers. */
async function listedNumbers(actor: Parameters<typeof run>[0]): Promise<string[]> {
  const list = messageOf(await run(actor, "/ticket list"));
  return [...(list.embeds?.[0]?.description ?? "").matchAll(/`#(\d+)`/g)].map((m) => m[1] ?? "");
}

describe("Maxis: the same signed interaction sent twice runs once", () => {
  const create = "/ticket create subject:Hello description:World category:general priority:low";

  it("creates one ticket from a /ticket create delivered twice, and tells the second delivery why", async () => {
    const { memberA } = freshCast("en-US");
    const request = await signRequest(
      JSON.stringify(commandInteraction(memberA, parseCommandLine(create, definitions))),
    );
    expect(privateText(await deliverOk(worker(), request))).toMatch(
      /^Ticket \*\*#1\*\* is open: \*\*Hello\*\*/,
    );

    let replay = "";
    const calls = await countSupabaseCalls(async () => {
      replay = privateText(await deliverOk(worker(), request));
    });
    expect(replay).toBe(ALREADY_HANDLED.en);
    expect(calls).toEqual([]);
    expect(await listedNumbers(memberA)).toEqual(["1"]);
  });

  it("creates one ticket when both deliveries arrive at once, in French", async () => {
    const { memberA } = freshCast("fr");
    const request = await signRequest(
      JSON.stringify(commandInteraction(memberA, parseCommandLine(create, definitions))),
    );
    const answers = (await Promise.all([deliverOk(worker(), request), deliverOk(worker(), request)])).map(
      privateText,
    );
    expect(answers.filter((text) => text === ALREADY_HANDLED.fr)).toHaveLength(1);
    expect(answers.filter((text) => text.startsWith("Le ticket **#1** est ouvert"))).toHaveLength(1);
    expect(await listedNumbers(memberA)).toEqual(["1"]);
  });

  it("closes a ticket once when the same Close click is delivered twice", async () => {
    // The staff channel post, whose Close button is clicked, exists only for the home server.
    const { memberA, staff } = homeCast("en-US");
    const subject = `Replayed close ${memberA.userId}`;
    const number = createdNumber(
      await run(memberA, `/ticket create subject:${subject} description:Please help`),
    );
    const [post] = await waitForRequests(staffPostsFor(memberA.userId));
    // The ticket's thread is set up after the answer; a click before it is recorded would close the
    // ticket with a DM instead of the thread's note this test counts.
    await waitForRequests(threadCardsFor(number));
    const postBody = post?.body as { embeds?: []; components?: unknown[] } | undefined;
    const close = buttonsOf(postBody ?? {}).find((b) => b.custom_id?.includes(":close:"))?.custom_id;
    expect(close).toBeDefined();

    const click = buttonInteraction(staff, close ?? "");
    const request = await signRequest(
      JSON.stringify({ ...click, message: { ...click.message, embeds: postBody?.embeds ?? [] } }),
    );
    const first = await deliverOk(worker(), request);
    expect(first.type).toBe(InteractionResponseType.UpdateMessage);
    expect(messageOf(first).content).toContain(`Closed by <@${staff.userId}>.`);

    let replay = "";
    const calls = await countSupabaseCalls(async () => {
      replay = privateText(await deliverOk(worker(), request));
    });
    expect(replay).toBe(ALREADY_HANDLED.en);
    expect(calls).toEqual([]);
    // One closing note in the ticket's thread (which replaces the DM), however often the click comes:
    // the first is posted after the answer (waitUntil), so it is awaited in full before a second one,
    // which must not come, is given a second to arrive.
    const closingNotes = (requests: RecordedRequest[]) =>
      requests.filter(
        (r) => r.method === "POST" && JSON.stringify(r.body).includes(`Ticket **#${number}** was closed by`),
      );
    expect(await waitForRequests(closingNotes)).toHaveLength(1);
    expect(await waitForRequests(closingNotes, 2, 1_000)).toHaveLength(1);
  });

  it("never holds back PING or autocomplete, which change nothing", async () => {
    const ping = await signRequest(JSON.stringify(pingInteraction()));
    expect(await deliverOk(worker(), ping)).toEqual({ type: 1 });
    expect(await deliverOk(worker(), ping)).toEqual({ type: 1 });

    const { memberA } = freshCast("en-US");
    const typing = await signRequest(
      JSON.stringify(
        commandInteraction(memberA, parseCommandLine("/ticket view ticket:", definitions, "ticket"), true),
      ),
    );
    const first = await deliverOk(worker(), typing);
    expect(first.type).toBe(InteractionResponseType.ApplicationCommandAutocompleteResult);
    expect(await deliverOk(worker(), typing)).toEqual(first);
  });
});
