/**
 * Where the Gateway object reaches Postgres: storing what it heard (one transaction per batch) and
 * reading the open ticket threads to backfill. As Maxis's notifier identity, never a member's.
 */

import type { RpcClient } from "../supabase/client";
import { supabaseAsNotifier } from "../tickets/notifier-client";
import type { IngestEvent } from "./protocol";

export interface IngestResult {
  stored: number;
  skipped: number;
  ignored: number;
  changed: number;
}

export interface OpenThread {
  threadId: string;
  guildId: string;
  lastMessageId: string | null;
}

/** One notifier client per isolate: it re-signs its own token before expiry (supabase/client.ts). */
let cached: { client: RpcClient; key: string } | null = null;
async function notifier(env: MaxisEnv): Promise<RpcClient> {
  const key = `${env.SUPABASE_URL}\n${env.SUPABASE_PUBLISHABLE_KEY}`;
  if (cached?.key !== key) cached = { client: await supabaseAsNotifier(env), key };
  return cached.client;
}

export async function ingestEvents(env: MaxisEnv, events: readonly IngestEvent[]): Promise<IngestResult> {
  const { data, error } = await (await notifier(env)).rpc("ticket_ingest_messages", { p_events: events });
  if (error) throw new Error(`ticket_ingest_messages: ${error.code} ${error.message}`);
  return data as IngestResult;
}

/** Open tickets' threads in the servers this shard serves (Discord's rule: (guild_id >> 22) % count). */
export async function openThreadsOfShard(
  env: MaxisEnv,
  shard: readonly [number, number],
): Promise<OpenThread[]> {
  const { data, error } = await (await notifier(env)).rpc("ticket_open_threads");
  if (error) throw new Error(`ticket_open_threads: ${error.code} ${error.message}`);
  return (data as OpenThread[]).filter(
    (thread) => Number((BigInt(thread.guildId) >> 22n) % BigInt(shard[1])) === shard[0],
  );
}
