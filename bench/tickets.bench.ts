/**
 * Ticket functions at scale: 1,000,000 tickets over 100,000 members (bench/seed-tickets.ts) in a
 * throwaway embedded PostgreSQL of its own, so the test database stays small. Each call runs as
 * PostgREST runs it: one transaction, `set local role authenticated`, the JWT claims set, RLS on.
 * Prints vitest's table, then p50/p95 against the targets (list and view p95 < 5 ms, stats < 100 ms)
 * and the plans of the statements inside each function (auto_explain, nested statements).
 */
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, bench, describe, inject } from "vitest";
import { migrate } from "../scripts/local-supabase/migrate";
import { startPostgres } from "../scripts/local-supabase/postgres";
import { freePort } from "../test/setup/ports";
import { benchIds, BENCH_SHAPE as FULL_SHAPE, seedTickets } from "./seed-tickets";
import { benchOptions, SMOKE } from "./smoke";
import { percentile } from "./stats";

const BENCH_SHAPE = SMOKE ? { tickets: 1_000, members: 100, guilds: 10 } : FULL_SHAPE;

/**
 * `BENCH_TICKETS_DATA_DIR=<dir>` keeps the seeded cluster in <dir> between runs: the first run seeds
 * it, later ones only apply the migrations added since (on top of the seeded rows) and measure. Delete
 * the directory to seed afresh. Unset, each run seeds a throwaway cluster.
 */
const KEPT_DATA_DIR = process.env["BENCH_TICKETS_DATA_DIR"];

/**
 * Its own cluster, so the test database stays small; a smoke run seeds its thousand tickets into the
 * run's database instead (already migrated), sparing a second PostgreSQL start.
 */
async function benchDatabase(): Promise<{
  connectionString: string;
  seeded: boolean;
  stop(): Promise<void>;
}> {
  if (SMOKE) {
    return { connectionString: inject("supabase").databaseUrl, seeded: false, stop: async () => undefined };
  }
  const started = await startPostgres({
    dataDir: KEPT_DATA_DIR ?? join(tmpdir(), `shellia-maxis-bench-pg-${randomBytes(4).toString("hex")}`),
    port: await freePort(),
    persistent: KEPT_DATA_DIR !== undefined,
  });
  await migrate({ connectionString: started.connectionString, seed: false });
  if (!started.created) await requireFinishedSeed(started.connectionString);
  return { ...started, seeded: !started.created };
}

/** The seed writes the staff directory last: a kept cluster without it was cut short while seeding. */
async function requireFinishedSeed(connectionString: string): Promise<void> {
  const c = new pg.Client({ connectionString });
  await c.connect();
  try {
    const { rows } = await c.query<{ done: boolean }>(
      "select exists (select from public.ticket_staff) as done",
    );
    if (rows[0]?.done !== true)
      throw new Error(`${KEPT_DATA_DIR}: its seed did not finish; delete it and run again.`);
  } finally {
    await c.end();
  }
}

const postgres = await benchDatabase();
const seedMs = postgres.seeded ? 0 : await seedTickets(postgres.connectionString, BENCH_SHAPE);
// Per-category staff on (issue 11): every server has settings, its billing category is kept to a role
// of its own, and half of each server's agents hold it, so the policies filter by category.
await (async () => {
  const c = new pg.Client({ connectionString: postgres.connectionString });
  await c.connect();
  try {
    await c.query(
      `insert into public.server_settings (guild_id, staff_role_ids)
         select (1400000000000000000 + g)::text, array[(1430000000000000000 + g)::text]
           from generate_series(0, $1 - 1) g
         on conflict do nothing;
       insert into public.ticket_categories (guild_id, key, sort_order, label_en, label_fr, emoji, staff_role_ids)
         select s.guild_id, d.key, d.sort_order, d.label_en, d.label_fr, d.emoji,
                case when d.key = 'billing' then array[(s.guild_id::numeric + 40000000000000000)::text] else '{}' end
           from public.server_settings s, tickets_private.default_categories() d
         on conflict do nothing;
       analyze public.server_settings; analyze public.ticket_categories;`.replace(
        "$1",
        String(BENCH_SHAPE.guilds),
      ),
    );
  } finally {
    await c.end();
  }
})();
const { rows: shape } = await (async () => {
  const c = new pg.Client({ connectionString: postgres.connectionString });
  await c.connect();
  try {
    return await c.query<{ tickets: string; members: string; guilds: string; messages: string }>(
      `select (select count(*) from public.tickets) as tickets,
              (select count(distinct owner_id) from public.tickets) as members,
              (select count(*) from public.ticket_guild_counters) as guilds,
              (select count(*) from public.ticket_messages) as messages`,
    );
  } finally {
    await c.end();
  }
})();
console.log(
  postgres.seeded ? "Kept data, not seeded again:" : `Seeded in ${(seedMs / 1000).toFixed(1)} s:`,
  shape[0],
);

const client = new pg.Client({ connectionString: postgres.connectionString });
await client.connect();

const membersPerGuild = BENCH_SHAPE.members / BENCH_SHAPE.guilds;
const ticketsPerMember = BENCH_SHAPE.tickets / BENCH_SHAPE.members;
let turn = 0;
/** A different member (and guild) each call, so no single row stays hot in the caches. */
function nextMember() {
  turn += 1;
  const m = (turn * 7_919) % BENCH_SHAPE.members;
  const g = m % BENCH_SHAPE.guilds;
  // Member m's tickets are i = m + k * members, numbered i / guilds + 1 in guild g.
  const k = turn % ticketsPerMember;
  const number = Math.floor((m + k * BENCH_SHAPE.members) / BENCH_SHAPE.guilds) + 1;
  return { sub: benchIds.member(m), guildId: benchIds.guild(g), number };
}
/** An agent; odd ones lack the billing role (lists skip billing), `billing` picks one who holds it. */
function nextAgent(billing = false) {
  turn += 1;
  const g = turn % BENCH_SHAPE.guilds;
  const a = billing ? (turn % 5) * 2 : turn % 10;
  const roles = [String(1_430_000_000_000_000_000n + BigInt(g))];
  if (a % 2 === 0) roles.push(String(1_440_000_000_000_000_000n + BigInt(g)));
  return {
    sub: benchIds.agent(g, a),
    guildId: benchIds.guild(g),
    roles,
    number: 1 + ((turn * 4_099) % (membersPerGuild * ticketsPerMember)),
  };
}

/** One round trip, exactly the transaction PostgREST would run for the RPC. */
function asAuthenticated(
  who: { sub: string; guildId: string; roles?: string[] },
  appRole: string,
  call: string,
): string {
  const claims = JSON.stringify({
    sub: who.sub,
    role: "authenticated",
    app_role: appRole,
    guild_id: who.guildId,
    roles: who.roles ?? [],
  });
  return `begin; set local role authenticated; select set_config('request.jwt.claims', ${client.escapeLiteral(claims)}, true);
          select ${call}; commit;`;
}

const cases: Record<string, { target: number; sql: () => string }> = {
  "list: member, own tickets, page 1": {
    target: 5,
    sql: () => asAuthenticated(nextMember(), "member", "public.ticket_list()"),
  },
  "list: staff, guild, status=open, page 3": {
    target: 5,
    sql: () =>
      asAuthenticated(nextAgent(), "agent", "public.ticket_list(p_status => 'open', p_offset => 20)"),
  },
  "view: member, own ticket with thread": {
    target: 5,
    sql: () => {
      const m = nextMember();
      return asAuthenticated(m, "member", `public.ticket_view('${m.number}')`);
    },
  },
  "view: staff, thread + notes + audit": {
    target: 5,
    sql: () => {
      const a = nextAgent(true);
      return asAuthenticated(a, "agent", `public.ticket_view('${a.number}')`);
    },
  },
  "stats: staff, 7 d / 30 d / all time": {
    target: 100,
    sql: () => asAuthenticated(nextAgent(), "admin", "public.ticket_stats()"),
  },
};

const { rows: backend } = await client.query<{ pid: number }>("select pg_backend_pid() as pid");
/**
 * The CPU time (ms) the server's backend has used so far, from Linux's scheduler counters; undefined
 * without /proc. On a shared machine the wall time also counts the backend's wait for a core, so the
 * CPU time per call is the figure that does not move with the machine's load.
 */
function backendCpuMs(): number | undefined {
  try {
    return Number(readFileSync(`/proc/${backend[0]?.pid}/schedstat`, "utf8").split(" ")[0]) / 1e6;
  } catch {
    return undefined;
  }
}

const timings = new Map<string, { wall: number[]; cpu: number[] }>();
async function timed(name: string, sql: string) {
  const cpuBefore = backendCpuMs();
  const started = performance.now();
  await client.query(sql);
  const wall = performance.now() - started;
  const cpuAfter = backendCpuMs();
  const list = timings.get(name) ?? { wall: [], cpu: [] };
  list.wall.push(wall);
  if (cpuBefore !== undefined && cpuAfter !== undefined) list.cpu.push(cpuAfter - cpuBefore);
  timings.set(name, list);
}

/** The plans of the statements each function runs, as auto_explain reports them to this session. */
async function printPlans() {
  const plans: string[] = [];
  const onNotice = (notice: { message?: string | undefined }) => {
    if (notice.message?.includes("Query Text")) plans.push(notice.message);
  };
  await client.query(`load 'auto_explain';
    set auto_explain.log_min_duration = 0; set auto_explain.log_nested_statements = on;
    set auto_explain.log_analyze = on; set auto_explain.log_buffers = on; set auto_explain.log_level = 'notice'`);
  client.on("notice", onNotice);
  try {
    for (const [name, { sql }] of Object.entries(cases)) {
      plans.length = 0;
      await client.query(sql());
      // The statements that read tables are what matter: the outer `select fn()` is one Result node,
      // and the JSON-building helpers read nothing.
      const reads = plans.filter((p) => /from public\./.test(p) && !p.includes("select public.ticket_"));
      console.log(`\n=== ${name} ===\n${reads.join("\n")}`);
    }
  } finally {
    client.off("notice", onNotice);
    await client.query("set auto_explain.log_min_duration = -1");
  }
}

afterAll(async () => {
  const rows = [...timings].map(([name, { wall, cpu }]) => {
    const sorted = [...wall].sort((a, b) => a - b);
    const cpuSorted = [...cpu].sort((a, b) => a - b);
    const target = cases[name]?.target ?? Number.NaN;
    const p95 = percentile(sorted, 95);
    return {
      case: name,
      calls: wall.length,
      "p50 ms": percentile(sorted, 50).toFixed(2),
      "p95 ms": p95.toFixed(2),
      "target p95 ms": target,
      ok: p95 < target ? "yes" : "NO",
      "server CPU p50 ms": percentile(cpuSorted, 50).toFixed(2),
      "server CPU p95 ms": percentile(cpuSorted, 95).toFixed(2),
    };
  });
  const load = loadavg().map((l) => l.toFixed(1));
  console.log(
    `\nTicket functions as authenticated with RLS, ${shape[0]?.tickets} tickets (load average ${load.join(", ")}):`,
  );
  console.table(rows);
  await printPlans();
  await client.end();
  await postgres.stop();
});

describe("tickets at 1M rows (authenticated, RLS on)", () => {
  for (const [name, { sql }] of Object.entries(cases)) {
    bench(name, () => timed(name, sql()), benchOptions({ time: 2_000, warmupTime: 300 }));
  }
});
