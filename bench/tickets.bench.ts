/**
 * Ticket functions at scale: 1,000,000 tickets over 100,000 members (bench/seed-tickets.ts) in a
 * throwaway embedded PostgreSQL of its own, so the test database stays small. Each call runs as
 * PostgREST runs it: one transaction, `set local role authenticated`, the JWT claims set, RLS on.
 * Prints vitest's table, then p50/p95 against the targets (list and view p95 < 5 ms, stats < 100 ms)
 * and the plans of the statements inside each function (auto_explain, nested statements).
 *
 * The targets are about the working set in memory, as a hosted instance sized for 1 M tickets keeps
 * it: the cluster runs with 2 GB of shared_buffers (a quarter of an 8 GB instance's RAM) and the
 * tables and indexes are loaded into them with pg_prewarm before the measured calls. The first calls
 * of each case run before that, on a server just started, and are printed apart as COLD rows.
 */
import { readFileSync } from "node:fs";
import { loadavg } from "node:os";
import pg from "pg";
import { afterAll, bench, describe } from "vitest";
import { benchIds, BENCH_SHAPE as FULL_SHAPE } from "./seed-tickets";
import { benchOptions, SMOKE } from "./smoke";
import { percentile } from "./stats";
import { benchDatabase, clusterShape, prewarm, SHARED_BUFFERS } from "./tickets-cluster";

const BENCH_SHAPE = SMOKE ? { tickets: 1_000, members: 100, guilds: 10 } : FULL_SHAPE;

/** Calls of each case made before the pages are loaded, printed as COLD rows. */
const COLD_CALLS = SMOKE ? 1 : 50;

const postgres = await benchDatabase(BENCH_SHAPE);
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
const coldTimings = new Map<string, { wall: number[]; cpu: number[] }>();
async function timed(name: string, sql: string, into = timings) {
  const cpuBefore = backendCpuMs();
  const started = performance.now();
  await client.query(sql);
  const wall = performance.now() - started;
  const cpuAfter = backendCpuMs();
  const list = into.get(name) ?? { wall: [], cpu: [] };
  list.wall.push(wall);
  if (cpuBefore !== undefined && cpuAfter !== undefined) list.cpu.push(cpuAfter - cpuBefore);
  into.set(name, list);
}

// Cold: with a kept cluster the server was just started and nothing was read through it yet (after a
// fresh seed, the seed left much in shared_buffers), so these calls read pages from the OS or the disk.
for (const [name, { sql }] of Object.entries(cases)) {
  for (let i = 0; i < COLD_CALLS; i += 1) await timed(name, sql(), coldTimings);
}
const shape = await clusterShape(client);
console.log(
  postgres.seedMs === 0
    ? "Kept data, not seeded again:"
    : `Seeded in ${(postgres.seedMs / 1000).toFixed(1)} s:`,
  shape,
);
const prewarmStarted = performance.now();
const prewarmedMb = await prewarm(client);
if (!SMOKE) {
  console.log(
    `pg_prewarm: ${prewarmedMb} MB of tables and indexes loaded into ${SHARED_BUFFERS} of shared_buffers ` +
      `in ${((performance.now() - prewarmStarted) / 1000).toFixed(1)} s`,
  );
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

/** One row of the table; the target concerns the warm calls, the cold ones are shown for what they cost. */
function summary(name: string, { wall, cpu }: { wall: number[]; cpu: number[] }, cold: boolean) {
  const sorted = [...wall].sort((a, b) => a - b);
  const cpuSorted = [...cpu].sort((a, b) => a - b);
  const target = cases[name]?.target ?? Number.NaN;
  const p95 = percentile(sorted, 95);
  return {
    case: cold ? `COLD ${name}` : name,
    calls: wall.length,
    "p50 ms": percentile(sorted, 50).toFixed(2),
    "p95 ms": p95.toFixed(2),
    "target p95 ms": cold ? "-" : target,
    ok: cold ? "-" : p95 < target ? "yes" : "NO",
    "server CPU p50 ms": percentile(cpuSorted, 50).toFixed(2),
    "server CPU p95 ms": percentile(cpuSorted, 95).toFixed(2),
  };
}

afterAll(async () => {
  const rows = [
    ...[...timings].map(([name, t]) => summary(name, t, false)),
    ...[...coldTimings].map(([name, t]) => summary(name, t, true)),
  ];
  const load = loadavg().map((l) => l.toFixed(1));
  console.log(
    `\nTicket functions as authenticated with RLS, ${shape?.tickets} tickets (load average ${load.join(", ")}); ` +
      `warm: after pg_prewarm; COLD: the first ${COLD_CALLS} calls of each case, before it:`,
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
