/**
 * Data for the browser tests, in the browser tests' own Discord server: a member's ticket opened the
 * way Maxis opens it (the ticket function, as that member, under RLS), and a month of history written
 * directly by the superuser so the inbox and the charts have something to show.
 */
import pg from "pg";
import { inject } from "vitest";
import {
  LOCAL_ADMIN_ID,
  LOCAL_MEMBER_ID,
  LOCAL_OTHER_MEMBER_ID,
  LOCAL_STAFF_ID,
} from "../../../scripts/lib/local-identities";
import { supabaseAs } from "../../../src/maxis/supabase/client";
import {
  type CreateTicketInput,
  createTicket,
  replyToTicket,
  type TicketWithDescription,
} from "../../../src/maxis/tickets/rpc";

function env() {
  const { restUrl, publishableKey, signingKey } = inject("supabase");
  return {
    SUPABASE_URL: restUrl,
    SUPABASE_PUBLISHABLE_KEY: publishableKey,
    SUPABASE_JWT_SIGNING_KEY: signingKey,
  };
}

const memberClient = (userId: string) =>
  supabaseAs(env(), { userId, appRole: "member", guildId: inject("browserStack").guildId, roleIds: [] });

export async function openTicketAsMember(
  userId: string,
  input: CreateTicketInput,
): Promise<TicketWithDescription> {
  const result = await createTicket(await memberClient(userId), input);
  if (!result.ok) throw new Error(`ticket_create refused: ${result.error.code}`);
  return result.value;
}

export async function replyAsMember(userId: string, ticket: number, body: string): Promise<void> {
  const result = await replyToTicket(await memberClient(userId), ticket, { body });
  if (!result.ok) throw new Error(`ticket_reply refused: ${result.error.code}`);
}

const SUBJECTS = [
  ["Can't log in after resetting my password", "account", "high"],
  ["Charged twice for the Pro plan", "billing", "critical"],
  ["Bot doesn't answer /shop in #general", "technical", "medium"],
  ["Promo code not applied at checkout", "billing", "medium"],
  ["Role not given after purchase", "account", "high"],
  ["Giveaway prize never arrived", "general", "medium"],
  ["Error when opening a ticket from mobile", "bug", "high"],
  ["How do I change my billing e-mail?", "billing", "low"],
  ["Suggestion: weekly digest of open tickets", "suggestion", "low"],
  ["Account flagged as spam by mistake", "account", "critical"],
  ["Payment declined with 3-D Secure", "billing", "high"],
  ["Music bot lags in voice channels", "technical", "medium"],
  ["Typo in the French welcome message", "bug", "low"],
  ["Can I transfer my plan to another server?", "general", "medium"],
  ["Reaction roles stopped working", "bug", "high"],
  ["Idea: let members rate support answers", "suggestion", "low"],
] as const;

/**
 * About 60 tickets over the last 30 days: answered, assigned, closed, in every status. The member the
 * tests act as only owns closed ones, so they stay under the five-open-tickets limit.
 */
export async function seedHistory(): Promise<void> {
  const client = new pg.Client({ connectionString: inject("supabase").databaseUrl });
  await client.connect();
  try {
    await client.query(
      `insert into public.tickets (guild_id, number, owner_id, subject, description, category, priority, status,
                                   assignee_id, created_at, last_activity_at, first_staff_response_at,
                                   first_responder_id, closed_at, closed_by)
       select $1, 0, case when i % 2 = 0 and i % 10 < 6 then $2 else $3 end, s.subject, 'Details of: ' || s.subject,
              s.category, s.priority, st.status,
              case when st.status <> 'open' or i % 3 = 0 then case when i % 3 = 0 then $5 else $4 end end,
              c.created_at, c.created_at + interval '2 hours', fr.at, case when fr.at is not null then case when i % 3 = 0 then $5 else $4 end end,
              cl.at, case when cl.at is not null then case when i % 3 = 0 then $5 else $4 end end
         from generate_series(0, 59) i
         cross join lateral (select ($6::jsonb -> (i % 16)) ->> 0 as subject, ($6::jsonb -> (i % 16)) ->> 1 as category,
                                    ($6::jsonb -> (i % 16)) ->> 2 as priority) s
         cross join lateral (select now() - make_interval(days => 29 - (i / 2), hours => (i * 7) % 11) as created_at) c
         cross join lateral (select case when i % 10 < 6 then 'closed' when i % 10 = 6 then 'in_progress'
                                         when i % 10 = 7 then 'waiting_for_member' else 'open' end as status) st
         cross join lateral (select case when st.status <> 'open'
                                         then c.created_at + make_interval(mins => (array[6, 12, 25, 40, 95, 200, 420, 1500])[1 + i % 8])
                                    end as at) fr
         cross join lateral (select case when st.status = 'closed'
                                         then c.created_at + make_interval(hours => (array[1, 3, 5, 9, 20, 30, 60, 100])[1 + (i * 3) % 8])
                                    end as at) cl`,
      [
        inject("browserStack").guildId,
        LOCAL_MEMBER_ID,
        LOCAL_OTHER_MEMBER_ID,
        LOCAL_STAFF_ID,
        LOCAL_ADMIN_ID,
        JSON.stringify(SUBJECTS),
      ],
    );
    // Closing times in the future of "now" would be nonsense: keep them in the past.
    await client.query(
      `update public.tickets set closed_at = least(closed_at, now() - interval '5 minutes')
        where guild_id = $1 and closed_at > now()`,
      [inject("browserStack").guildId],
    );
    await client.query(
      `insert into public.ticket_staff (guild_id, user_id, app_role) values ($1, $2, 'agent'), ($1, $3, 'admin')
       on conflict do nothing`,
      [inject("browserStack").guildId, LOCAL_STAFF_ID, LOCAL_ADMIN_ID],
    );
  } finally {
    await client.end();
  }
}

/** `count` open tickets at once, for the inbox's load test; their subjects all contain `tag`. */
export async function seedMany(count: number, tag: string): Promise<void> {
  const client = new pg.Client({ connectionString: inject("supabase").databaseUrl });
  await client.connect();
  try {
    await client.query(
      `insert into public.tickets (guild_id, number, owner_id, subject, description, category, priority)
       select $1, 0, $2, $3 || ' request ' || i, 'Generated for the load test.',
              (array['general','billing','technical','bug','account','suggestion'])[1 + i % 6],
              (array['critical','high','medium','low'])[1 + i % 4]
         from generate_series(1, $4::int) i`,
      [inject("browserStack").guildId, LOCAL_OTHER_MEMBER_ID, tag, count],
    );
  } finally {
    await client.end();
  }
}

/**
 * Response-time targets on for the browser tests' server (the defaults: 24/7, medium answered within
 * 8 h, critical within 1 h…) and three open tickets whose subjects contain `tag`: an overdue critical
 * one, a medium one with 10 minutes left and a fresh low one. Returns their numbers in that order.
 */
export async function seedTimeLeft(tag: string): Promise<number[]> {
  const client = new pg.Client({ connectionString: inject("supabase").databaseUrl });
  const guildId = inject("browserStack").guildId;
  await client.connect();
  try {
    await client.query("insert into public.server_settings (guild_id) values ($1) on conflict do nothing", [
      guildId,
    ]);
    await client.query(
      `insert into public.server_sla (guild_id, enabled, targets) values ($1, true, tickets_private.sla_default_targets())
       on conflict (guild_id) do update set enabled = true`,
      [guildId],
    );
    await client.query("select tickets_private.sla_refresh_guild($1)", [guildId]);
    const numbers: number[] = [];
    for (const [priority, minutesAgo, what] of [
      ["low", 5, "fresh"],
      ["critical", 100, "overdue"],
      ["medium", 470, "due soon"],
    ] as const) {
      const { rows } = await client.query<{ number: number }>(
        `insert into public.tickets (guild_id, number, owner_id, subject, description, priority, created_at, last_activity_at)
         values ($1, 0, $2, $3, 'Waiting for an answer.', $4, now() - make_interval(mins => $5), now())
         returning number`,
        [guildId, LOCAL_OTHER_MEMBER_ID, `${tag} ${what}`, priority, minutesAgo],
      );
      numbers.push(rows[0]?.number ?? 0);
    }
    const [fresh, overdue, soon] = numbers;
    return [overdue ?? 0, soon ?? 0, fresh ?? 0];
  } finally {
    await client.end();
  }
}
