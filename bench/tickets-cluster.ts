/**
 * The ticket benchmark's database: its own embedded PostgreSQL seeded with 1 M tickets (or, in a
 * smoke run, the test database with a thousand), per-category staff on, and the loading of its pages
 * into shared_buffers before the measured calls.
 */
import { randomBytes } from "node:crypto";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { inject } from "vitest";
import { migrate } from "../scripts/local-supabase/migrate";
import { startPostgres } from "../scripts/local-supabase/postgres";
import { freePort } from "../test/setup/ports";
import { type SeedShape, seedTickets } from "./seed-tickets";
import { SMOKE } from "./smoke";

/**
 * `BENCH_TICKETS_DATA_DIR=<dir>` keeps the seeded cluster in <dir> between runs: the first run seeds
 * it, later ones only apply the migrations added since (on top of the seeded rows) and measure. Delete
 * the directory to seed afresh. Unset, each run seeds a throwaway cluster.
 */
const KEPT_DATA_DIR = process.env["BENCH_TICKETS_DATA_DIR"];
/**
 * Room for every table and index of the seeded cluster (about 1.7 GB), so that warm calls read no
 * page from outside PostgreSQL: a quarter of an 8 GB instance's RAM (Supabase's Large compute).
 */
export const SHARED_BUFFERS = "2GB";

export interface BenchDatabase {
  connectionString: string;
  /** Milliseconds this run spent seeding; 0 when the kept cluster (or the test database) was reused. */
  seedMs: number;
  stop(): Promise<void>;
}

/**
 * Its own cluster, so the test database stays small; a smoke run seeds its thousand tickets into the
 * run's database instead (already migrated), sparing a second PostgreSQL start.
 */
export async function benchDatabase(shape: SeedShape): Promise<BenchDatabase> {
  if (SMOKE) {
    const connectionString = inject("supabase").databaseUrl;
    const seedMs = await seedTickets(connectionString, shape);
    await enableCategoryStaff(connectionString, shape);
    return { connectionString, seedMs, stop: async () => undefined };
  }
  const started = await startPostgres({
    dataDir: KEPT_DATA_DIR ?? join(tmpdir(), `shellia-maxis-bench-pg-${randomBytes(4).toString("hex")}`),
    port: await freePort(),
    persistent: KEPT_DATA_DIR !== undefined,
    settings: { shared_buffers: SHARED_BUFFERS },
  });
  await migrate({ connectionString: started.connectionString, seed: false });
  if (!started.created) await requireFinishedSeed(started.connectionString);
  const seedMs = started.created ? await seedTickets(started.connectionString, shape) : 0;
  await enableCategoryStaff(started.connectionString, shape);
  return { connectionString: started.connectionString, seedMs, stop: started.stop };
}

async function withClient<T>(connectionString: string, work: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString });
  await c.connect();
  try {
    return await work(c);
  } finally {
    await c.end();
  }
}

/** The seed writes the staff directory last: a kept cluster without it was cut short while seeding. */
async function requireFinishedSeed(connectionString: string): Promise<void> {
  const { rows } = await withClient(connectionString, (c) =>
    c.query<{ done: boolean }>("select exists (select from public.ticket_staff) as done"),
  );
  if (rows[0]?.done !== true)
    throw new Error(`${KEPT_DATA_DIR}: its seed did not finish; delete it and run again.`);
}

/**
 * Per-category staff on (issue 11): every server has settings, its billing category is kept to a role
 * of its own, and half of each server's agents hold it, so the policies filter by category.
 */
async function enableCategoryStaff(connectionString: string, shape: SeedShape): Promise<void> {
  await withClient(connectionString, (c) =>
    c.query(
      `insert into public.server_settings (guild_id, staff_role_ids)
         select (1400000000000000000 + g)::text, array[(1430000000000000000 + g)::text]
           from generate_series(0, ${shape.guilds} - 1) g
         on conflict do nothing;
       insert into public.ticket_categories (guild_id, key, sort_order, label_en, label_fr, emoji, staff_role_ids)
         select s.guild_id, d.key, d.sort_order, d.label_en, d.label_fr, d.emoji,
                case when d.key = 'billing' then array[(s.guild_id::numeric + 40000000000000000)::text] else '{}' end
           from public.server_settings s, tickets_private.default_categories() d
         on conflict do nothing;
       analyze public.server_settings; analyze public.ticket_categories;`,
    ),
  );
}

/** What the database holds, for the printout. Reads whole tables: call it after the cold calls. */
export async function clusterShape(client: pg.Client) {
  const { rows } = await client.query<{ tickets: string; members: string; guilds: string; messages: string }>(
    `select (select count(*) from public.tickets) as tickets,
            (select count(distinct owner_id) from public.tickets) as members,
            (select count(*) from public.ticket_guild_counters) as guilds,
            (select count(*) from public.ticket_messages) as messages`,
  );
  return rows[0];
}

/**
 * Loads every table and index of the public schema (and their TOAST) into shared_buffers; returns the
 * megabytes loaded. The smoke run shares the test database and skips it (nothing there is cold).
 */
export async function prewarm(client: pg.Client): Promise<number> {
  if (SMOKE) return 0;
  const results = await client.query(
    `create schema if not exists bench;
     create extension if not exists pg_prewarm with schema bench;
     select round(sum(bench.pg_prewarm(r.oid, 'buffer')) * current_setting('block_size')::int / 1048576.0) as mb
       from (select c.oid from pg_class c join pg_namespace n on n.oid = c.relnamespace
              where n.nspname = 'public' and c.relkind in ('r', 'i', 'm')
             union all
             select x.oid from pg_class c join pg_namespace n on n.oid = c.relnamespace
               join pg_class x on x.oid = c.reltoastrelid
                  or x.oid in (select indexrelid from pg_index where indrelid = c.reltoastrelid)
              where n.nspname = 'public' and c.reltoastrelid <> 0) r`,
  );
  const last = Array.isArray(results) ? results.at(-1) : results;
  return Number(last?.rows[0]?.mb ?? 0);
}
