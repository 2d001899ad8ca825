/** The ticket-thread functions of Postgres, called as Maxis's notifier (never as a member). */
import type { RpcClient } from "../../supabase/client";

export interface TicketThread {
  threadId: string;
  parentChannelId: string;
}

export async function recordThread(
  client: RpcClient,
  guildId: string,
  number: number,
  thread: TicketThread,
): Promise<TicketThread | null> {
  const { data, error } = await client.rpc("ticket_record_thread", {
    p_guild_id: guildId,
    p_number: number,
    p_thread_id: thread.threadId,
    p_parent_channel_id: thread.parentChannelId,
  });
  if (error) throw new Error(`ticket_record_thread: ${error.code} ${error.message}`);
  // null: the ticket was closed before its thread could be recorded.
  return (data as TicketThread | null) ?? null;
}

/** The ticket's thread, or null when it has none. */
export async function threadOf(
  client: RpcClient,
  guildId: string,
  number: number,
): Promise<TicketThread | null> {
  const { data, error } = await client.rpc("ticket_thread", { p_guild_id: guildId, p_number: number });
  if (error) throw new Error(`ticket_thread: ${error.code} ${error.message}`);
  return (data as TicketThread | null) ?? null;
}
