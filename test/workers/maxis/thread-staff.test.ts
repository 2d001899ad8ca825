/**
 * Who counts as staff when typing in a ticket's thread (what the Gateway hears): the server's own
 * staff roles, a category's staff roles, or a role giving Manage Server; not the deployment's
 * STAFF_ROLE_ID on a server that chose other roles. Against the Discord stand-in and the real
 * Gateway object.
 */
import { env } from "cloudflare:workers";
import { PermissionFlagsBits as P } from "discord-api-types/payloads/v10";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Actor } from "../../../scripts/lib/interaction-builder";
import { LOCAL_STAFF_ROLE_ID } from "../../../scripts/lib/local-identities";
import type { RecordedRequest } from "../../../scripts/local-discord/server";
import { supabaseAs } from "../../../src/maxis/supabase/client";
import { type TicketView, viewTicket } from "../../../src/maxis/tickets/rpc";
import { gatewayUrl, isConnected, shardObject, standInGateway, waitUntil } from "./gateway-support";
import { BOT_ROLE_ID, configureServer, newChannel } from "./panel-support";
import { allDiscordRequests, createdNumber, run, snowflake } from "./tickets-support";

const local = inject("discordLocalUrl");
const shard = shardObject(`thread-staff-${Date.now()}`);

const server = snowflake();
const staffRole = snowflake();
const billingRole = snowflake();
const managerRole = snowflake();
let support: string;

async function say(channelId: string, author: Actor, content: string): Promise<void> {
  const res = await fetch(`${local}/__local/messages`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({
      channel_id: channelId,
      author_id: author.userId,
      content,
      roles: author.roles ?? [],
    }),
  });
  if (!res.ok) throw new Error(`say: HTTP ${res.status} ${await res.text()}`);
}

const admin = { userId: snowflake(), guildId: server, administrator: true };
const view = async (number: number): Promise<TicketView> => {
  const client = await supabaseAs(env, {
    userId: admin.userId,
    appRole: "admin",
    guildId: server,
    roleIds: [],
  });
  const result = await viewTicket(client, number);
  if (!result.ok) throw new Error(result.error.code);
  return result.value;
};

beforeAll(async () => {
  support = await newChannel(server);
  await configureServer(server, {
    staffRoleIds: [staffRole],
    supportChannelId: support,
    categories: { billing: { staffRoleIds: [billingRole] } },
  });
  // A role that gives Manage Server, as Discord lists the server's roles.
  const res = await fetch(`${local}/__local/permissions`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({
      guild_id: server,
      roles: [
        { id: server, name: "@everyone", permissions: String(P.ViewChannel | P.SendMessages), position: 0 },
        { id: managerRole, name: "Managers", permissions: String(P.ManageGuild), position: 2 },
        {
          id: BOT_ROLE_ID,
          name: "Maxis",
          permissions: String(P.CreatePrivateThreads | P.ManageThreads | P.ManageWebhooks | P.EmbedLinks),
          position: 1,
        },
      ],
    }),
  });
  expect(res.ok).toBe(true);
  await shard.ensureConnected([0, 1], await gatewayUrl());
  await waitUntil(() => shard.status(), isConnected, 30_000, "the Gateway object to connect");
}, 60_000);

afterAll(async () => {
  await standInGateway("", { refuse_connections: false });
  await shard.stop();
});

describe("staff in a ticket thread, by the server's roles", { timeout: 60_000 }, () => {
  it("the server's staff role, a category's role and a Manage Server role count; the deployment's role does not", async () => {
    const member: Actor = { userId: snowflake(), guildId: server };
    const number = createdNumber(
      await run(member, "/ticket create subject:Refund please description:Charged twice category:billing"),
    );
    const opened = await waitUntil(
      allDiscordRequests,
      (all) => all.some((r) => r.method === "POST" && r.path === `/channels/${support}/threads`),
      15_000,
      "the thread",
    );
    const threadId = (
      opened.find((r) => r.method === "POST" && r.path === `/channels/${support}/threads`) as RecordedRequest
    ).response as { id: string };
    // Recorded on the ticket before the card is posted: wait for the card.
    await waitUntil(
      async () =>
        (await (await fetch(`${local}/__local/channels/${threadId.id}/messages`)).json()) as unknown[],
      (messages) => messages.length >= 1,
      10_000,
      "the card",
    );

    const people: [string, string[], boolean][] = [
      ["member", [], false],
      ["holder of the deployment's STAFF_ROLE_ID", [LOCAL_STAFF_ROLE_ID], false],
      ["holder of the server's staff role", [staffRole], true],
      ["holder of the billing role", [billingRole], true],
      ["holder of a Manage Server role", [managerRole], true],
    ];
    for (const [name, roles] of people) {
      await say(threadId.id, { userId: snowflake(), guildId: server, roles }, `written by the ${name}`);
    }
    const stored = await waitUntil(
      () => view(number),
      (v) => v.messages.filter((m) => m.discordMessageId).length >= people.length,
      15_000,
      "every message",
    );
    const fromStaff = Object.fromEntries(
      stored.messages
        .filter((m) => m.discordMessageId)
        .map((m) => [m.body.replace("written by the ", ""), m.fromStaff]),
    );
    expect(fromStaff).toEqual(Object.fromEntries(people.map(([name, , staff]) => [name, staff])));
  });
});
