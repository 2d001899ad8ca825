/**
 * What the Gateway ingestion benchmark does to the local stand-ins and Supabase: tickets with threads,
 * messages typed by people, the Gateway connection's state.
 */
import { sign } from "hono/jwt";
import { LOCAL_GUILD_ID, LOCAL_SUPPORT_CHANNEL_ID } from "../../scripts/lib/local-identities";
import { postAsPerson } from "../../scripts/lib/say";
import type { GatewayState } from "../../scripts/local-discord/gateway";

export interface BenchSupabase {
  restUrl: string;
  publishableKey: string;
  signingKey: string;
}

export interface TicketThread {
  number: number;
  threadId: string;
  author: string;
}

const postJson = (url: string, body: object) =>
  fetch(url, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });

export async function rpc(supabase: BenchSupabase, jwt: string, fn: string, args: object): Promise<unknown> {
  const res = await fetch(`${supabase.restUrl}/rest/v1/rpc/${fn}`, {
    method: "POST",
    headers: {
      "Content-Type": "application/json",
      apikey: supabase.publishableKey,
      Authorization: `Bearer ${jwt}`,
    },
    body: JSON.stringify(args),
  });
  if (!res.ok) throw new Error(`${fn}: HTTP ${res.status} ${await res.text()}`);
  return res.json();
}

export const jwtFor = (supabase: BenchSupabase, claims: object) =>
  sign(
    { iat: Math.floor(Date.now() / 1000), exp: Math.floor(Date.now() / 1000) + 3600, ...claims },
    JSON.parse(supabase.signingKey) as JsonWebKey,
    "ES256",
  );

/** `count` tickets, each with a thread on the stand-in, recorded as Maxis records them. */
export async function openTicketThreads(
  supabase: BenchSupabase,
  discordApiBase: string,
  count: number,
): Promise<TicketThread[]> {
  const notifier = await jwtFor(supabase, { sub: "maxis:notify", role: "service_role" });
  const threads: TicketThread[] = [];
  for (let i = 0; i < count; i++) {
    const author = String(1_390_000_000_000_000_000n + BigInt(Date.now()) * 100n + BigInt(i));
    const member = await jwtFor(supabase, {
      sub: author,
      role: "authenticated",
      app_role: "member",
      guild_id: LOCAL_GUILD_ID,
    });
    const ticket = (await rpc(supabase, member, "ticket_create", {
      p_subject: `Bench ${i}`,
      p_description: "Ingestion benchmark",
      p_category: "general",
      p_priority: "low",
    })) as { number: number };
    const thread = (await (
      await postJson(`${discordApiBase}/channels/${LOCAL_SUPPORT_CHANNEL_ID}/threads`, {
        name: `#${ticket.number} Bench ${i}`,
        type: 12,
      })
    ).json()) as { id: string };
    await rpc(supabase, notifier, "ticket_record_thread", {
      p_guild_id: LOCAL_GUILD_ID,
      p_number: ticket.number,
      p_thread_id: thread.id,
      p_parent_channel_id: LOCAL_SUPPORT_CHANNEL_ID,
    });
    threads.push({ number: ticket.number, threadId: thread.id, author });
  }
  return threads;
}

/** A person types `content` in the ticket's thread; returns the message's id. */
export async function typeMessage(local: string, thread: TicketThread, content: string): Promise<string> {
  return (await postAsPerson(local, thread.threadId, { userId: thread.author }, content)).id;
}

/** Steers the stand-in's Gateway: settings ("") or an action ("/drop"). */
export const gatewayControl = (local: string, path: string, body: object) =>
  postJson(`${local}/__local/gateway${path}`, body);

/** Until the Gateway object is connected (READY), at most 10 s. */
export async function waitForGatewaySession(local: string): Promise<void> {
  for (let i = 0; i < 400; i++) {
    const state = (await (await fetch(`${local}/__local/gateway`)).json()) as GatewayState;
    if (state.sessions.some((s) => s.connected)) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Runs `lanes` workers that each take the next index below `total` until none is left. */
export async function inLanes(
  total: number,
  lanes: number,
  work: (index: number, lane: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: lanes }, async (_, lane) => {
      for (let i = next++; i < total; i = next++) await work(i, lane);
    }),
  );
}
