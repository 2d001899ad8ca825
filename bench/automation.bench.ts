/**
 * One automation pass (issue 13 §1) over a server with 100,000 open tickets waiting for their members,
 * 1,000 of them due for their inactivity warning. `npm run bench` prints:
 *  - CPU ms: process.cpuUsage() around the pass (the code Maxis's scheduled handler runs, here in
 *    Node); the Discord and REST stand-ins run in this process too, so it is an upper bound;
 *  - wall ms, and how much of it went to the Supabase calls (claim and outcomes: "SQL ms", HTTP to the
 *    local REST stand-in included) and to Discord (the stand-in);
 *  - whether the claim query uses the due-jobs index (EXPLAIN of its select, on this data).
 * The pass is asked to do all 1,000 at once here; in production a pass stops at 200 (PASS_DEFAULTS:
 * Discord's global limit is 50 requests/s and a Worker invocation has about 1,000 subrequests), and
 * the next minute's pass takes the rest.
 */
import pg from "pg";
import { afterAll, beforeAll, bench, describe, expect, inject } from "vitest";
import { type AutomationEnv, runAutomationPass } from "../src/maxis/tickets/automation/pass";
import { benchOptions, scaled } from "./smoke";

const OPEN = scaled(100_000, 2_000);
const DUE = scaled(1_000, 20);
const GUILD = String(1_430_000_000_000_000_000n + BigInt(Date.now() % 1_000_000));

const supabase = inject("supabase");
const env = {
  SUPABASE_URL: supabase.restUrl,
  SUPABASE_PUBLISHABLE_KEY: supabase.publishableKey,
  SUPABASE_JWT_SIGNING_KEY: supabase.signingKey,
  DISCORD_API_BASE: `${inject("discordLocalUrl")}/api/v10`,
  DISCORD_BOT_TOKEN: "bench",
  // What a server Maxis has no settings for starts with (the staff post names categories from them).
  STAFF_ROLE_ID: "",
  TICKET_STAFF_CHANNEL_ID: "",
  DISCORD_GUILD_ID: "",
  DISCORD_SUPPORT_CHANNEL_ID: "",
} satisfies AutomationEnv;

const db = new pg.Client({ connectionString: supabase.databaseUrl });
const report: Record<string, string | number> = {};

beforeAll(async () => {
  await db.connect();
  const started = performance.now();
  await db.query("set session_replication_role = replica; set work_mem = '64MB'");
  await db.query("insert into public.server_settings (guild_id) values ($1)", [GUILD]);
  await db.query("insert into public.server_automation (guild_id, auto_close_enabled) values ($1, true)", [
    GUILD,
  ]);
  await db.query(
    `insert into public.tickets (guild_id, number, owner_id, subject, description, status, created_at,
                                 updated_at, last_activity_at, first_staff_response_at, first_responder_id)
     select $1, i, (1440000000000000000 + i % 10000)::text, 'Bench ticket ' || i, 'Seeded', 'waiting_for_member',
            now() - interval '10 days', now() - interval '4 days', now() - interval '4 days',
            now() - interval '9 days', '1450000000000000000'
       from generate_series(1, $2::int) i`,
    [GUILD, OPEN],
  );
  await db.query("insert into public.ticket_guild_counters (guild_id, last_number) values ($1, $2)", [
    GUILD,
    OPEN,
  ]);
  // Every open ticket waits for its member; the first DUE are due now, the others over the next days.
  await db.query(
    `insert into public.ticket_automation_jobs (ticket_id, guild_id, kind, next_attempt_at)
     select t.id, t.guild_id, 'inactivity_warning',
            case when t.number <= $2 then now() - interval '1 minute'
                 else now() + make_interval(mins => t.number) end
       from public.tickets t where t.guild_id = $1`,
    [GUILD, DUE],
  );
  await db.query("set session_replication_role = origin");
  await db.query("analyze public.ticket_automation_jobs; analyze public.tickets");
  report["seeded"] = `${OPEN} open tickets, ${DUE} due, in ${Math.round(performance.now() - started)} ms`;

  // The claim's select, as automation_claim runs it for every server (p_guild_id null).
  const plan = await db.query<{ "QUERY PLAN": string }>(
    `explain select x.* from public.ticket_automation_jobs x
      where x.next_attempt_at <= now() and x.failed_at is null and (null::text is null or x.guild_id = null::text)
      order by x.next_attempt_at limit 50 for update skip locked`,
  );
  const text = plan.rows.map((r) => r["QUERY PLAN"]).join("\n");
  report["claim plan uses ticket_automation_jobs_due_idx"] = text.includes("ticket_automation_jobs_due_idx")
    ? "yes"
    : `NO:\n${text}`;
}, 600_000);

afterAll(async () => {
  await db.end();
  console.log("\nautomation pass:");
  console.table(report);
});

describe("automation pass", () => {
  bench(
    `one pass: ${OPEN} open tickets, ${DUE} due warnings`,
    async () => {
      const realFetch = globalThis.fetch;
      let sqlMs = 0;
      let discordMs = 0;
      globalThis.fetch = async (input, init) => {
        const started = performance.now();
        try {
          return await realFetch(input, init);
        } finally {
          const url = input instanceof Request ? input.url : String(input);
          if (url.startsWith(supabase.restUrl)) sqlMs += performance.now() - started;
          else discordMs += performance.now() - started;
        }
      };
      const cpu = process.cpuUsage();
      const started = performance.now();
      try {
        const result = await runAutomationPass(env, {
          guildId: GUILD,
          maxJobs: DUE,
          batch: 100,
          concurrency: 16,
        });
        const wall = performance.now() - started;
        const used = process.cpuUsage(cpu);
        expect(result).toMatchObject({ claimed: DUE, delivered: DUE });
        Object.assign(report, {
          "jobs delivered": result.delivered,
          "CPU ms (process: pass + stand-ins, upper bound)": Math.round((used.user + used.system) / 1000),
          "wall ms": Math.round(wall),
          "SQL ms (Supabase calls, summed)": Math.round(sqlMs),
          "Discord ms (stand-in calls, summed)": Math.round(discordMs),
        });
      } finally {
        globalThis.fetch = realFetch;
      }
    },
    benchOptions({ iterations: 1, time: 0, warmupIterations: 0, warmupTime: 0 }),
  );
});
