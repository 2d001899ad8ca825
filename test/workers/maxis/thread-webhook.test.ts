/**
 * The webhook Maxis speaks through in a support channel's threads: made once per channel. Two staff
 * replies that both find none and both make one (the Discord stand-in holds the first creation while
 * the second one goes through) end with one webhook, the oldest, which both replies used.
 */
import { describe, expect, inject, it } from "vitest";
import type { Actor } from "../../../scripts/lib/interaction-builder";
import type { RecordedRequest } from "../../../scripts/local-discord/server";
import { waitUntil } from "./gateway-support";
import { configureServer, newChannel } from "./panel-support";
import { holdDiscordRequest, threadMessages } from "./thread-support";
import {
  allDiscordRequests,
  createdNumber,
  run,
  snowflake,
  threadCardsFor,
  waitForRequests,
} from "./tickets-support";

const local = inject("discordLocalUrl");

interface Webhook {
  id: string;
  name: string;
}

describe("a support channel's webhook", { timeout: 60_000 }, () => {
  it("is made once, even when two replies both find none at the same moment", async () => {
    const server = snowflake();
    const staffRole = snowflake();
    const support = await newChannel(server);
    await configureServer(server, { staffRoleIds: [staffRole], supportChannelId: support });
    const member: Actor = { userId: snowflake(), guildId: server };
    const staff: Actor = { userId: snowflake(), guildId: server, roles: [staffRole] };
    const open = async (subject: string) => {
      const number = createdNumber(await run(member, `/ticket create subject:${subject} description:Help`));
      await waitForRequests(threadCardsFor(number));
      const created = (await allDiscordRequests()).find(
        (r: RecordedRequest) =>
          r.path === `/channels/${support}/threads` &&
          (r.body as { name?: string }).name?.startsWith(`#${number} `),
      );
      return { number, threadId: (created?.response as { id: string } | undefined)?.id ?? "none" };
    };
    const first = await open("First");
    const second = await open("Second");
    const fromWebhook = (threadId: string) =>
      waitUntil(
        () => threadMessages(threadId),
        (messages) => messages.some((m) => m.webhook_id),
        10_000,
        `a reply in ${threadId}`,
      );

    const making = await holdDiscordRequest({
      method: "POST",
      pathPattern: `^/channels/${support}/webhooks$`,
    });
    await run(staff, `/ticket reply ticket:${first.number} message:First answer`);
    await making.caught();
    await run(staff, `/ticket reply ticket:${second.number} message:Second answer`);
    const secondPosted = await fromWebhook(second.threadId);
    await making.release();
    const firstPosted = await fromWebhook(first.threadId);

    const listed = (await (await fetch(`${local}/api/v10/channels/${support}/webhooks`)).json()) as Webhook[];
    expect(listed.filter((w) => w.name === "Maxis tickets")).toHaveLength(1);
    const [kept] = listed;
    expect(firstPosted.find((m) => m.webhook_id)?.webhook_id).toBe(kept?.id);
    expect(secondPosted.find((m) => m.webhook_id)?.webhook_id).toBe(kept?.id);
  });
});
