/**
 * Shared by the ticket automation tests: a server with automation settings, the scheduler's claim and
 * finish as Maxis calls them, "time passes" by writing timestamps, and a ticket waiting for its member.
 */

import { mustCall, newGuild, type Person, superuser } from "./db";

export interface Job {
  id: number;
  kind: string;
  attempt: number;
  nonce: string;
  ticket: { number: number; status: string; closedBy: string | null };
  threadId: string | null;
  hours: number | null;
}

export async function setUp(changes: Record<string, unknown> = { autoCloseEnabled: true }) {
  const g = newGuild();
  await mustCall("service_role", "server_settings_ensure", { p_guild_id: g.guildId, p_defaults: {} });
  await mustCall(g.admin, "server_automation_update", { p_changes: changes });
  return g;
}

export const claim = (guildId: string) =>
  mustCall<Job[]>("service_role", "automation_claim", { p_limit: 50, p_guild_id: guildId });
export const finish = (id: number, ok = true, error: string | null = null) =>
  mustCall("service_role", "automation_finish", { p_outcomes: JSON.stringify([{ id, ok, error }]) });

/** Makes every job of the server (of one kind) due now: "time passes". */
export async function makeDue(guildId: string, kind?: string) {
  await superuser.query(
    `update public.ticket_automation_jobs set next_attempt_at = now() - interval '1 second'
      where guild_id = $1 and ($2::text is null or kind = $2)`,
    [guildId, kind ?? null],
  );
}

export async function jobs(guildId: string) {
  const { rows } = await superuser.query<{ kind: string; number: number; applied: boolean }>(
    `select j.kind, t.number, j.applied_at is not null as applied from public.ticket_automation_jobs j
       join public.tickets t on t.id = j.ticket_id where j.guild_id = $1 order by j.id`,
    [guildId],
  );
  return rows;
}

export type Guild = ReturnType<typeof newGuild>;
export async function ticketWaitingForMember(g: Guild, owner: Person = g.memberA) {
  const t = await mustCall<{ number: number }>(owner, "ticket_create", {
    p_subject: "Cannot log in",
    p_description: "Since yesterday",
  });
  await mustCall(g.agent, "ticket_reply", { p_ticket: String(t.number), p_body: "Can you try again?" });
  return t.number;
}
