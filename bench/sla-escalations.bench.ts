/**
 * The SLA part of the scheduler (issue 13 "Done when"): 100,000 open tickets with response-time
 * targets in 10 servers, 1,000 of them past their first-response target. Maxis's real pass
 * (`runSlaPass`: claim through the REST stand-in as `maxis:sla`, post to the Discord stand-in, finish)
 * runs until every due ticket is escalated, and prints for each pass its CPU ms (this process: the
 * Worker's JavaScript, the REST and Discord stand-ins run in the test runner's main process), wall ms
 * and SQL ms (Postgres's own time in the two SLA functions, pg_stat_user_functions), then the plan of
 * the claim's scan of ticket_sla (it must use ticket_sla_check_idx, not read the 100,000 rows).
 * A smoke run (BENCH_SMOKE=1) does the same with 1,000 tickets and 20 due.
 */
import pg from "pg";
import { afterAll, bench, describe, inject } from "vitest";
import { MAX_PER_PASS, runSlaPass } from "../src/maxis/sla/scheduled";
import { benchOptions, scaled } from "./smoke";

const OPEN = scaled(100_000, 1_000);
const DUE = scaled(1_000, 20);
const GUILDS = 10;
const guildId = (g: number) => String(1_450_000_000_000_000_000n + BigInt(g));

const { databaseUrl, restUrl, publishableKey, signingKey } = inject("supabase");
const env = {
  SUPABASE_URL: restUrl,
  SUPABASE_PUBLISHABLE_KEY: publishableKey,
  SUPABASE_JWT_SIGNING_KEY: signingKey,
  DISCORD_API_BASE: `http://127.0.0.1:${process.env["TEST_DISCORD_PORT"]}/api/v10`,
  DISCORD_BOT_TOKEN: "local-bot-token",
};

const db = new pg.Client({ connectionString: databaseUrl });
await db.connect();

async function seed(): Promise<void> {
  const guilds = Array.from({ length: GUILDS }, (_, g) => guildId(g));
  await db.query(
    `insert into public.server_settings (guild_id, staff_role_ids, staff_channel_id)
     select g, array['1460000000000000001'], '1460000000000000002' from unnest($1::text[]) g on conflict do nothing;
     insert into public.server_sla (guild_id, enabled, targets)
     select g, true, tickets_private.sla_default_targets() from unnest($1::text[]) g on conflict do nothing`.replaceAll(
      "$1::text[]",
      `array[${guilds.map((g) => `'${g}'`).join(",")}]::text[]`,
    ),
  );
  // Bulk load without the per-row triggers, then the due times as the trigger would store them:
  // DUE tickets past their first-response target, the rest days from any stage.
  await db.query("set session_replication_role = replica");
  await db.query(
    `insert into public.tickets (guild_id, number, owner_id, subject, description, priority, created_at)
     select (1450000000000000000 + i % $2)::text, i / $2 + 1, (1470000000000000000 + i)::text,
            'Bench ticket ' || i, 'Waiting for staff', 'medium', now() - interval '1 hour'
       from generate_series(0, $1 - 1) i`,
    [OPEN, GUILDS],
  );
  await db.query(
    `insert into public.ticket_guild_counters (guild_id, last_number)
     select guild_id, max(number) from public.tickets where guild_id like '145%' group by 1
     on conflict (guild_id) do update set last_number = excluded.last_number`,
  );
  await db.query("set session_replication_role = origin");
  await db.query(
    `insert into public.ticket_sla (ticket_id, guild_id, first_response_due_at, first_response_warn_at,
                                    resolution_due_at, resolution_warn_at, next_due_at, next_check_at)
     select t.id, t.guild_id, d.due, d.due - interval '1 hour', d.due + interval '2 days', d.due + interval '1 day',
            d.due, d.due - interval '1 hour'
       from (select t.*, row_number() over (order by t.id) as n from public.tickets t where t.guild_id like '145%') t
      cross join lateral (select case when t.n <= $1 then now() - interval '1 minute'
                                      else now() + make_interval(mins => 120 + (t.n % 5000)::int) end as due) d`,
    [DUE],
  );
  await db.query("analyze public.tickets; analyze public.ticket_sla; analyze public.ticket_sla_escalations");
}

async function functionMs(): Promise<number> {
  const { rows } = await db.query<{ ms: number }>(
    `select coalesce(sum(total_time), 0)::float8 as ms from pg_stat_user_functions
      where schemaname = 'public' and funcname in ('sla_claim_escalations', 'sla_finish_escalation')`,
  );
  return rows[0]?.ms ?? 0;
}

/** Function statistics reach pg_stat_user_functions when each backend flushes (at most ~1 s later). */
const settle = () => new Promise((resolve) => setTimeout(resolve, 1_200));

await db.query("alter system set track_functions = 'pl'");
await db.query("select pg_reload_conf()");
const seedStarted = performance.now();
await seed();
console.log(
  `SLA bench: ${OPEN} open tickets (${DUE} due) seeded in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`,
);

const plan = await db.query<{ "QUERY PLAN": string }>(
  `explain select d.* from public.ticket_sla d where d.next_check_at <= now()
    order by d.next_check_at limit 200 for update skip locked`,
);
const planText = plan.rows.map((r) => r["QUERY PLAN"]).join("\n");
console.log(`SLA claim scan plan:\n${planText}`);
if (!planText.includes("ticket_sla_check_idx"))
  throw new Error("the SLA claim does not use ticket_sla_check_idx");

afterAll(async () => {
  await db.query("alter system reset track_functions");
  await db.query("select pg_reload_conf()");
  await db.end();
});

describe("SLA escalations", () => {
  bench(
    `scheduler passes until ${DUE} due of ${OPEN} open tickets are escalated (≤ ${MAX_PER_PASS} a pass)`,
    async () => {
      let escalated = 0;
      for (let pass = 1; escalated < DUE && pass <= 10; pass++) {
        await settle();
        const sqlBefore = await functionMs();
        const cpuBefore = process.cpuUsage();
        const wallBefore = performance.now();
        const outcome = await runSlaPass(env);
        const wallMs = performance.now() - wallBefore;
        const cpu = process.cpuUsage(cpuBefore);
        await settle();
        const sqlMs = (await functionMs()) - sqlBefore;
        escalated += outcome.posted;
        console.log(
          `SLA pass ${pass}: posted ${outcome.posted} (failed ${outcome.failed}); CPU ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms, wall ${wallMs.toFixed(0)} ms, SQL ${sqlMs.toFixed(0)} ms`,
        );
        if (outcome.posted === 0) break;
      }
      if (escalated < DUE) throw new Error(`only ${escalated} of ${DUE} due tickets were escalated`);
    },
    benchOptions({ iterations: 1, warmupIterations: 0, time: 0, warmupTime: 0 }),
  );
});
