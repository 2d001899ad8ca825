/** startPostgres passes its `settings` to the server (the ticket benchmark sizes shared_buffers so). */
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { expect, it } from "vitest";
import { startPostgres } from "../../../scripts/local-supabase/postgres";
import { freePort } from "../../setup/ports";
import { unique } from "./support";

it("starts the server with the settings it is given", async () => {
  const postgres = await startPostgres({
    dataDir: join(tmpdir(), unique("settings-pg")),
    port: await freePort(),
    persistent: false,
    settings: { shared_buffers: "48MB", work_mem: "7MB" },
  });
  const client = new pg.Client({ connectionString: postgres.connectionString });
  try {
    await client.connect();
    const { rows } = await client.query<{ name: string; setting: string; unit: string }>(
      "select name, setting, unit from pg_settings where name in ('shared_buffers', 'work_mem') order by name",
    );
    // shared_buffers counts 8 kB pages: 48 MB is 6144 of them; work_mem counts kB.
    expect(rows).toEqual([
      { name: "shared_buffers", setting: "6144", unit: "8kB" },
      { name: "work_mem", setting: "7168", unit: "kB" },
    ]);
  } finally {
    await client.end();
    await postgres.stop();
  }
}, 60_000);
