/**
 * Giveaways under load. `npm run bench` prints:
 *  - the draw alone (pure, in Node) over 100,000 entrants, as vitest's ops/s and latency table;
 *  - entries per second into one Durable Object, storage per entrant and the full end-of-giveaway
 *    (read 100,000 entrants from SQLite, draw, store, announce), measured in workerd (Miniflare)
 *    against the Maxis bundle `wrangler deploy` builds, with the local Discord stand-in.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { convertV4MiniflareOptions, Miniflare } from "miniflare";
import { afterAll, beforeAll, bench, describe } from "vitest";
import { LOCAL_GUILD_ID } from "../scripts/lib/local-identities";
import { maxisRuntime } from "../scripts/lib/maxis-config";
import { maxisBundle } from "../scripts/lib/worker-bundle";
import { type LocalDiscord, serveLocalDiscord } from "../scripts/local-discord/server";
import { cryptoUint32, drawWinners, type Entrant } from "../src/maxis/giveaways/draw";
import { freePort } from "../test/setup/ports";
import { maxisBenchWorker } from "./maxis-worker";
import { benchOptions, scaled } from "./smoke";
import { median } from "./stats";

const ENTRANTS = scaled(100_000, 2_000);
const BATCH = scaled(1_000, 100);
/** Giveaways whose first entry after a restart is timed: the object's cold start. */
const COLD_SAMPLES = scaled(15, 2);

const uniform: Entrant[] = Array.from({ length: ENTRANTS }, (_, i) => ({
  userId: String(1e17 + i),
  weight: 1,
}));
const weighted: Entrant[] = uniform.map((e, i) => ({ ...e, weight: 1 + (i % 10 === 0 ? 4 : 0) }));
const random = cryptoUint32();

describe(`draw over ${ENTRANTS.toLocaleString("en-US")} entrants (pure)`, () => {
  bench(
    "1 winner",
    () => {
      drawWinners(uniform, 1, random);
    },
    benchOptions(),
  );
  bench(
    "20 winners, 10 % with 4 bonus entries",
    () => {
      drawWinners(weighted, 20, random);
    },
    benchOptions(),
  );
  bench(
    "20 winners, rerolled excluding 20 earlier winners",
    () => {
      drawWinners(weighted, 20, random, new Set(uniform.slice(0, 20).map((e) => e.userId)));
    },
    benchOptions(),
  );
});

/**
 * A driver Worker beside Maxis: it calls one giveaway object over RPC as Maxis's buttons do (every
 * entrant a member of the giveaway's server).
 */
const DRIVER = `
export default {
  async fetch(request, env) {
    const url = new URL(request.url);
    const stub = env.GIVEAWAYS.get(env.GIVEAWAYS.idFromName(url.searchParams.get("id")));
    if (url.pathname === "/create") return Response.json(await stub.create(await request.json()));
    if (url.pathname === "/enter") {
      const from = Number(url.searchParams.get("from"));
      const count = Number(url.searchParams.get("count"));
      const started = performance.now();
      const outcomes = await Promise.all(
        Array.from({ length: count }, (_, i) => stub.enter({ guildId: "${LOCAL_GUILD_ID}", userId: String(200000000000000000n + BigInt(from + i)), roles: [] })),
      );
      const entered = outcomes.filter((o) => o.status === "entered").length;
      return Response.json({ entered, ms: performance.now() - started });
    }
    if (url.pathname === "/end") {
      const started = performance.now();
      const result = await stub.endNow();
      return Response.json({ ok: result.ok, ms: performance.now() - started });
    }
    if (url.pathname === "/stats") return Response.json(await stub.storageStats());
    return new Response("not found", { status: 404 });
  },
};`;

let discord: LocalDiscord;
let mf: Miniflare;
let mfOptions: ReturnType<typeof convertV4MiniflareOptions>;
/** Durable Object storage on disk, so a restart of workerd keeps the giveaways and evicts the objects. */
const persistDir = mkdtempSync(join(tmpdir(), "shellia-maxis-bench-giveaways-"));
let created = 0;
let entered = 0;
let enteringMs = 0;

async function call<T>(path: string, body?: unknown): Promise<T> {
  const res = await mf.dispatchFetch(`http://driver${path}`, {
    method: body === undefined ? "GET" : "POST",
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

async function createGiveaway(id: string): Promise<void> {
  const result = await call<{ ok: boolean }>(`/create?id=${id}`, {
    id,
    prize: "Bench",
    winners: 20,
    endsAt: Date.now() + 3_600_000,
    guildId: LOCAL_GUILD_ID,
    channelId: "1300000000000000020",
    hostId: null,
    requiredRoleId: null,
    bonusEntries: [],
    locale: "en",
  });
  if (!result.ok) throw new Error("could not create the giveaway");
}

beforeAll(async () => {
  const bundle = maxisBundle(".build/bench/maxis");
  discord = await serveLocalDiscord(await freePort());
  // Compatibility date, flags and Durable Objects: wrangler.maxis.toml's.
  const maxis = maxisRuntime();
  const giveaways = maxis.durableObjects["GIVEAWAYS"];
  if (!giveaways) throw new Error("wrangler.maxis.toml has no GIVEAWAYS binding");
  mfOptions = convertV4MiniflareOptions({
    durableObjectsPersist: persistDir,
    workers: [
      {
        name: "driver",
        modules: true,
        script: DRIVER,
        compatibilityDate: maxis.compatibilityDate,
        durableObjects: { GIVEAWAYS: { ...giveaways, scriptName: "maxis" } },
      },
      maxisBenchWorker(bundle, {
        DISCORD_API_BASE: discord.apiBase,
        SUPABASE_URL: "http://127.0.0.1:9",
        SUPABASE_PUBLISHABLE_KEY: "bench",
        SUPABASE_JWT_SECRET: "bench",
        STAFF_ROLE_ID: "",
      }),
    ],
  });
  mf = new Miniflare(mfOptions);
  await createGiveaway("benchfill");
}, 120_000);

afterAll(async () => {
  try {
    await report();
  } finally {
    await mf.dispose();
    await discord.close();
    rmSync(persistDir, { recursive: true, force: true });
  }
}, 300_000);

async function report() {
  // Fill the one object up to 100,000 entrants (the bench below brought some), then measure.
  while (entered < ENTRANTS) {
    const result = await call<{ entered: number; ms: number }>(
      `/enter?id=benchfill&from=${entered}&count=${Math.min(BATCH, ENTRANTS - entered)}`,
    );
    if (result.entered === 0) throw new Error("the giveaway object took no entry");
    entered += result.entered;
    enteringMs += result.ms;
  }
  const stats = await call<{ entrants: number; databaseBytes: number }>("/stats?id=benchfill");
  const end = await call<{ ok: boolean; ms: number }>("/end?id=benchfill");
  console.log("\nGiveaway Durable Object (workerd via Miniflare, one object)");
  console.table({
    entrants: { value: stats.entrants.toLocaleString("en-US") },
    [`entries per second (${BATCH.toLocaleString("en-US")} concurrent RPCs at a time)`]: {
      value: Math.round((entered / enteringMs) * 1000).toLocaleString("en-US"),
    },
    "SQLite database size": { value: `${(stats.databaseBytes / 1_048_576).toFixed(2)} MiB` },
    "storage per entrant": { value: `${(stats.databaseBytes / stats.entrants).toFixed(1)} bytes` },
    "end now: read entrants, draw 20, store, announce": { value: `${end.ms.toFixed(1)} ms` },
  });
  console.log(`\nReport step: a giveaway object's cold start (${COLD_SAMPLES} giveaways, workerd restarted)`);
  console.table(await coldStarts());
}

/**
 * A member's first click on a giveaway whose object is not in memory (evicted after a quiet spell,
 * or never loaded in this location): the object starts (constructor, SQLite schema, its settings
 * read), then takes the entry. Restarting workerd evicts every object and keeps their storage; the
 * isolate is warmed first, so only the object's own start is timed, against a second (warm) entry.
 */
async function coldStarts() {
  for (let i = 0; i < COLD_SAMPLES; i++) await createGiveaway(`cold${i}`);
  await mf.setOptions(mfOptions);
  await createGiveaway("warm-the-isolate");
  const enter = (id: string, from: number) =>
    call<{ entered: number; ms: number }>(`/enter?id=${id}&from=${from}&count=1`);
  const cold: number[] = [];
  const warm: number[] = [];
  for (let i = 0; i < COLD_SAMPLES; i++) {
    const first = await enter(`cold${i}`, 0);
    const second = await enter(`cold${i}`, 1);
    if (first.entered !== 1 || second.entered !== 1) throw new Error(`giveaway cold${i} refused an entry`);
    cold.push(first.ms);
    warm.push(second.ms);
  }
  const row = (times: number[]) => ({
    samples: times.length,
    "median ms": median(times).toFixed(1),
    "max ms": Math.max(...times).toFixed(1),
  });
  return { "first entry (object cold)": row(cold), "second entry (object warm)": row(warm) };
}

describe("entries into one giveaway object (workerd)", () => {
  bench(
    `${BATCH.toLocaleString("en-US")} concurrent entries (entries/s = hz × ${BATCH})`,
    async () => {
      const result = await call<{ entered: number; ms: number }>(
        `/enter?id=benchfill&from=${entered}&count=${BATCH}`,
      );
      entered += result.entered;
      enteringMs += result.ms;
    },
    benchOptions({ iterations: 20, time: 0 }),
  );

  bench(
    "start a giveaway (post the message, store, schedule)",
    async () => {
      created += 1;
      await createGiveaway(`benchnew${created}`);
    },
    benchOptions({ iterations: 20, time: 0 }),
  );
});
