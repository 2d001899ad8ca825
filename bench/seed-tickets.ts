/**
 * Fills a database with a large, realistic ticket history in a few set-based statements
 * (generate_series), for the ticket benchmarks. Layout: `guilds` servers, `members` members spread
 * evenly over them, `tickets` tickets spread evenly over the members, created over the last year;
 * 70 % closed, 10 % each open / in progress / waiting; 10 agents per guild. Every ticket has the
 * member's first message, answered tickets a staff reply, one in four an internal note, and a
 * `created` audit row.
 *
 * Bulk loading skips the per-row triggers (session_replication_role = replica), so it numbers tickets
 * itself and fills the per-guild counters the numbering trigger would have left.
 * Usable on its own: `npx tsx bench/seed-tickets.ts <superuser connection string>`.
 */
import pg from "pg";

export interface SeedShape {
  tickets: number;
  members: number;
  guilds: number;
}

export const BENCH_SHAPE: SeedShape = { tickets: 1_000_000, members: 100_000, guilds: 100 };

/** Ids are snowflake-shaped text, derived from an index so the benchmark can name any of them. */
export const benchIds = {
  guild: (g: number) => String(1_400_000_000_000_000_000n + BigInt(g)),
  member: (m: number) => String(1_410_000_000_000_000_000n + BigInt(m)),
  agent: (g: number, a: number) => String(1_420_000_000_000_000_000n + BigInt(g * 10 + a)),
};

export async function seedTickets(connectionString: string, shape: SeedShape = BENCH_SHAPE): Promise<number> {
  if (shape.members % shape.guilds !== 0 || shape.tickets % shape.members !== 0) {
    throw new Error("members must divide evenly into guilds, and tickets into members");
  }
  const started = performance.now();
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query(
      "set session_replication_role = replica; set maintenance_work_mem = '256MB'; set work_mem = '64MB'",
    );
    // Ticket i belongs to member i % members, whose guild is member % guilds; since guilds divides
    // members, i / guilds numbers each guild's tickets 1, 2, 3, ... without gaps.
    await client.query(
      `insert into public.tickets (guild_id, number, owner_id, subject, description, category, priority, status,
                                   assignee_id, created_at, updated_at, last_activity_at, first_staff_response_at,
                                   first_responder_id, closed_at, closed_by)
       overriding system value
       select guild_id, number, owner_id, subject, description, category, priority, status,
              assignee_id, created_at, coalesce(closed_at, first_response, created_at),
              coalesce(closed_at, first_response, created_at), first_response, assignee_id, closed_at,
              case when closed_at is not null then assignee_id end
         from (
           select (1400000000000000000 + (i % $2) % $3)::text as guild_id,
                  (i / $3 + 1)::int as number,
                  (1410000000000000000 + i % $2)::text as owner_id,
                  'Ticket ' || i || ': ' || (array['cannot log in', 'refund please', 'bot offline', 'crash on /shop',
                    'change my email', 'add dark mode'])[i % 6 + 1] as subject,
                  'Seeded description of ticket ' || i as description,
                  (array['account', 'billing', 'technical', 'bug', 'account', 'suggestion'])[i % 6 + 1] as category,
                  (array['critical', 'high', 'medium', 'low'])[(i / 7) % 4 + 1] as priority,
                  s.status,
                  case when s.status <> 'open' then (1420000000000000000 + ((i % $2) % $3) * 10 + (i / 3) % 10)::text end as assignee_id,
                  t.created_at,
                  case when s.status <> 'open' then t.created_at + make_interval(secs => 60 + (i * 37) % 7200) end as first_response,
                  case when s.status = 'closed'
                       then t.created_at + make_interval(secs => 7300 + (i * 53) % 172800) end as closed_at
             from generate_series(0::bigint, $1::bigint - 1) as i,
                  lateral (select now() - interval '365 days' * (1 - i::float8 / $1) - interval '3 days' as created_at) t,
                  lateral (select (case when (i / $3 * 7919) % 100 < 70 then 'closed' when (i / $3 * 7919) % 100 < 80 then 'open'
                                        when (i / $3 * 7919) % 100 < 90 then 'in_progress' else 'waiting_for_member' end) as status) s
         ) x`,
      [shape.tickets, shape.members, shape.guilds],
    );
    await client.query(
      `insert into public.ticket_guild_counters (guild_id, last_number)
       select guild_id, max(number) from public.tickets group by guild_id
       on conflict (guild_id) do update set last_number = excluded.last_number`,
    );
    await client.query(
      `insert into public.ticket_messages (ticket_id, guild_id, ticket_owner_id, author_id, body, is_internal, from_staff, created_at)
       select t.id, t.guild_id, t.owner_id, t.owner_id, 'Hello, ' || t.subject, false, false, t.created_at
         from public.tickets t
       union all
       select t.id, t.guild_id, t.owner_id, t.first_responder_id, 'Looking into it.', false, true, t.first_staff_response_at
         from public.tickets t where t.first_responder_id is not null
       union all
       select t.id, t.guild_id, t.owner_id, t.first_responder_id, 'Internal: checked the logs.', true, true,
              t.first_staff_response_at
         from public.tickets t where t.first_responder_id is not null and t.id % 4 = 0`,
    );
    await client.query(
      `insert into public.ticket_audit (guild_id, ticket_id, ticket_number, action, actor_id, actor_role, after, at)
       select t.guild_id, t.id, t.number, 'created', t.owner_id, 'member',
              jsonb_build_object('subject', t.subject, 'status', 'open'), t.created_at
         from public.tickets t`,
    );
    await client.query(
      `insert into public.ticket_staff (guild_id, user_id, app_role)
       select (1400000000000000000 + g)::text, (1420000000000000000 + g * 10 + a)::text, 'agent'
         from generate_series(0, $1 - 1) g, generate_series(0, 9) a`,
      [shape.guilds],
    );
    await client.query("set session_replication_role = origin");
    await client.query(
      "vacuum (analyze) public.tickets, public.ticket_messages, public.ticket_audit, public.ticket_staff",
    );
    // Write the loaded pages out now, not during the first measured calls.
    await client.query("checkpoint");
  } finally {
    await client.end();
  }
  return performance.now() - started;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const url = process.argv[2];
  if (!url) throw new Error("usage: tsx bench/seed-tickets.ts <superuser connection string>");
  const ms = await seedTickets(url);
  console.log(`Seeded ${BENCH_SHAPE.tickets} tickets in ${(ms / 1000).toFixed(1)} s`);
}
