/**
 * Shared by the ticket-thread tests: a Gateway object kept connected to the stand-in for the file,
 * people typing in a channel or thread of the Discord stand-in, what the stand-in holds of a thread,
 * and the ticket as staff read it.
 */
import { env } from "cloudflare:workers";
import { afterAll, beforeAll, inject } from "vitest";
import type { Actor } from "../../../scripts/lib/interaction-builder";
import { LOCAL_SUPPORT_CHANNEL_ID } from "../../../scripts/lib/local-identities";
import {
  postAsPerson,
  type StandInMessage,
  type ThreadState,
  threadMessages as threadMessagesOf,
  threadState as threadStateOf,
} from "../../../scripts/lib/say";
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

export type { StandInMessage, ThreadState } from "../../../scripts/lib/say";

export const threadState = (id: string): Promise<ThreadState> => threadStateOf(local, id);
export const threadMessages = (id: string): Promise<StandInMessage[]> => threadMessagesOf(local, id);

/** Waits until the thread is locked (a close) or unlocked (a reopening); returns its state then. */
export const threadLocked = (id: string, locked: boolean): Promise<ThreadState> =>
  waitUntil(
    () => threadState(id),
    (t) => t.thread_metadata.locked === locked,
    10_000,
    locked ? "the lock" : "the unlock",
  );

/** Types a message as a person, as `npm run interact -- say` does. */
export const say = (
  channelId: string,
  author: Actor,
  content: string,
  attachments: string[] = [],
): Promise<StandInMessage> => postAsPerson(local, channelId, author, content, attachments);

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

/**
 * Holds Maxis's next Discord request matching `method` and `pathPattern` (and `bodyIncludes`) in the
 * stand-in: `caught()` waits until it has arrived, `release()` lets the stand-in answer it.
 */
export async function holdDiscordRequest(hold: {
  method: string;
  pathPattern: string;
  bodyIncludes?: string;
}) {
  const answer = await fetch(`${local}/__local/holds`, { method: "POST", body: JSON.stringify(hold) });
  const { id } = (await answer.json()) as { id: string };
  return {
    caught: () =>
      waitUntil(
        async () =>
          ((await (await fetch(`${local}/__local/holds/${id}`)).json()) as { waiting: boolean }).waiting,
        (waiting) => waiting,
        10_000,
        `${hold.method} ${hold.pathPattern} to arrive`,
      ),
    release: async () => {
      await fetch(`${local}/__local/holds/${id}/release`, { method: "POST" });
    },
  };
}
