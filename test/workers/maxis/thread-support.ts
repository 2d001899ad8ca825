/**
 * Shared by the ticket-thread tests: a Gateway object kept connected to the stand-in for the file,
 * people typing in a channel or thread of the Discord stand-in, what the stand-in holds of a thread,
 * and the ticket as staff read it.
 */
import { env } from "cloudflare:workers";
import { afterAll, beforeAll, inject } from "vitest";
import type { Actor } from "../../../scripts/lib/interaction-builder";
import { LOCAL_SUPPORT_CHANNEL_ID } from "../../../scripts/lib/local-identities";
import type { RecordedRequest } from "../../../scripts/local-discord/server";
import type { StaffRole } from "../../../src/maxis/dashboard-auth/session-token";
import { supabaseAs } from "../../../src/maxis/supabase/client";
import { type TicketView, viewTicket } from "../../../src/maxis/tickets/rpc";
import { gatewayUrl, isConnected, shardObject, standInGateway, waitUntil } from "./gateway-support";
import { allDiscordRequests, createdNumber, run } from "./tickets-support";

const local = inject("discordLocalUrl");

/**
 * A Gateway object of this file's own (`name`), connected before the file's tests and stopped after;
 * call it after any `beforeAll` that must run before the connection.
 */
export function connectedShard(name: string) {
  const shard = shardObject(`${name}-${Date.now()}`);
  beforeAll(async () => {
    await shard.ensureConnected([0, 1], await gatewayUrl());
    await waitUntil(() => shard.status(), isConnected, 30_000, "the Gateway object to connect");
  }, 60_000);
  afterAll(async () => {
    await standInGateway("", { refuse_connections: false });
    await shard.stop();
  });
  return shard;
}

export interface ThreadState {
  name: string;
  members: string[];
  thread_metadata: { archived: boolean; locked: boolean };
}
export interface StandInMessage {
  id: string;
  author: { id: string; username: string };
  webhook_id?: string;
  content: string;
  embeds: { title?: string }[];
  components: { components: { custom_id?: string }[] }[];
}

export async function threadState(id: string): Promise<ThreadState> {
  return (await (await fetch(`${local}/__local/threads/${id}`)).json()) as ThreadState;
}
export async function threadMessages(id: string): Promise<StandInMessage[]> {
  return (await (await fetch(`${local}/__local/channels/${id}/messages`)).json()) as StandInMessage[];
}

/** Types a message as a person, as `npm run interact -- say` does. */
export async function say(
  channelId: string,
  author: Actor,
  content: string,
  attachments: string[] = [],
): Promise<StandInMessage> {
  const res = await fetch(`${local}/__local/messages`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({
      channel_id: channelId,
      author_id: author.userId,
      content,
      roles: author.roles ?? [],
      attachments,
    }),
  });
  if (!res.ok) throw new Error(`say: HTTP ${res.status} ${await res.text()}`);
  return (await res.json()) as StandInMessage;
}

const threadOpenedFor = (r: RecordedRequest, number: number) =>
  r.method === "POST" &&
  r.path === `/channels/${LOCAL_SUPPORT_CHANNEL_ID}/threads` &&
  ((r.body as { name?: string }).name ?? "").startsWith(`#${number} `);

/** Opens a ticket as `member` and waits for its thread; returns the number and the thread id. */
export async function ticketWithThread(member: Actor, subject: string) {
  const number = createdNumber(
    await run(member, `/ticket create subject:${subject} description:Details here`),
  );
  const created = await waitUntil(
    allDiscordRequests,
    (all) => all.some((r) => threadOpenedFor(r, number)),
    15_000,
    `the thread of #${number}`,
  );
  const request = created.find((r) => threadOpenedFor(r, number)) as RecordedRequest;
  const threadId = (request.response as { id: string }).id;
  // Recorded on the ticket once the card is posted: wait for the card.
  await waitUntil(
    () => threadMessages(threadId),
    (m) => m.length >= 1,
    10_000,
    "the card",
  );
  return { number, threadId };
}

/** The ticket as `reader` sees it (RLS as that staff member), straight from the SQL function. */
export async function viewAs(
  reader: Actor,
  number: number,
  appRole: StaffRole = "agent",
): Promise<TicketView> {
  const client = await supabaseAs(env, {
    userId: reader.userId,
    appRole,
    guildId: reader.guildId ?? null,
    roleIds: reader.roles ?? [],
  });
  const result = await viewTicket(client, number);
  if (!result.ok) throw new Error(`ticket_view: ${result.error.code}`);
  return result.value;
}

/** The messages of a ticket that came from Discord (typed in its thread). */
export const fromDiscord = (v: TicketView) => v.messages.filter((m) => m.discordMessageId);
