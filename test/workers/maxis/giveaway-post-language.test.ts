/**
 * A giveaway's public message is in the server's language of posts (/setup), like the ticket panel:
 * a server set to French once got an English message because the staff member's Discord (or the
 * server's community locale) was in English.
 */

import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import type { Actor } from "../../../scripts/lib/interaction-builder";
import { LOCAL_STAFF_ROLE_ID } from "../../../scripts/lib/local-identities";
import { sendInteraction, waitForDiscordRequests } from "../support/discord";
import { channelRequests, commandFor } from "./giveaway-support";
import { configureServer, newChannel } from "./panel-support";
import { snowflake } from "./tickets-support";

async function postedBy(staff: Actor, channel: string) {
  const interaction = commandFor(staff, `/giveaway-staff start prize:Nitro duration:1h channel:${channel}`);
  await sendInteraction(exports.default, interaction);
  const [followup] = await waitForDiscordRequests(interaction.token);
  const [posted] = (await channelRequests(channel)).filter((r) => r.method === "POST");
  return {
    answer: String((followup?.body as { content?: string } | undefined)?.content),
    posted: JSON.stringify(posted?.body),
  };
}

describe("/giveaway-staff start: the language of the public message", () => {
  it("follows the server's language of posts, while the staff member's answer stays in theirs", {
    timeout: 30_000,
  }, async () => {
    const server = snowflake();
    await configureServer(server, { staffRoleIds: [LOCAL_STAFF_ROLE_ID], settings: { defaultLocale: "fr" } });
    const staff: Actor = {
      userId: snowflake(),
      guildId: server,
      roles: [LOCAL_STAFF_ROLE_ID],
      locale: "en-US",
    };

    const { answer, posted } = await postedBy(staff, await newChannel(server));
    expect(answer).toMatch(/^Giveaway \*\*[0-9a-z]{8}\*\* started in/);
    expect(posted).toContain("Cliquez sur **Participer**");
    expect(posted).not.toContain("Click **Enter**");
  });

  it("an English server gets English, whatever the staff member's language", {
    timeout: 30_000,
  }, async () => {
    const server = snowflake();
    await configureServer(server, { staffRoleIds: [LOCAL_STAFF_ROLE_ID], settings: { defaultLocale: "en" } });
    const staff: Actor = { userId: snowflake(), guildId: server, roles: [LOCAL_STAFF_ROLE_ID], locale: "fr" };

    const { answer, posted } = await postedBy(staff, await newChannel(server));
    expect(answer).toMatch(/^Concours \*\*[0-9a-z]{8}\*\* lancé dans/);
    expect(posted).toContain("Click **Enter**");
  });
});
