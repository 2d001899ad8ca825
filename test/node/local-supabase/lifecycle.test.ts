/** startLocalSupabase as `npm run dev` uses it: a persistent database created once, then reused. */
import { randomBytes } from "node:crypto";
import { existsSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createClient } from "@supabase/supabase-js";
import { decode } from "hono/jwt";
import { expect, it } from "vitest";
import { generateSigningKey, newPublishableKey } from "../../../scripts/lib/supabase-keys";
import { resetLocalDatabase, startLocalSupabase } from "../../../scripts/local-supabase";
import { defaultPaths } from "../../../scripts/local-supabase/migrate";
import { freePort } from "../../setup/ports";
import { unique } from "./support";

it("creates, reuses and resets a persistent local database", async () => {
  const dataDir = join(tmpdir(), unique("lifecycle-pg"));
  const options = {
    dataDir,
    pgPort: await freePort(),
    restPort: 0,
    signingKeys: [await generateSigningKey()],
    // A project that still trusts its legacy secret also has the legacy anon and service_role keys.
    legacyJwtSecret: randomBytes(32).toString("hex"),
    publishableKey: newPublishableKey(),
    persistent: true,
  };
  const repoMigrations = readdirSync(defaultPaths.migrationsDir)
    .filter((file) => file.endsWith(".sql"))
    .sort();

  const first = await startLocalSupabase(options);
  try {
    expect(first.migrations).toEqual({ applied: repoMigrations, changed: [], seeded: true });
    expect(decode(first.legacyAnonKey ?? "").payload).toMatchObject({ role: "anon", iss: "supabase" });
    expect(decode(first.legacyServiceRoleKey ?? "").payload).toMatchObject({ role: "service_role" });
    for (const key of [first.secretKey, first.legacyServiceRoleKey ?? ""]) {
      const service = createClient(first.restUrl, key, { auth: { persistSession: false } });
      expect((await service.rpc("session_info")).data).toMatchObject({ role: "service_role" });
    }
    await expect(resetLocalDatabase(dataDir)).rejects.toThrow(/running/);
  } finally {
    await first.stop();
  }
  expect(existsSync(join(dataDir, "PG_VERSION"))).toBe(true);

  const second = await startLocalSupabase(options);
  try {
    expect(second.migrations).toEqual({ applied: [], changed: [], seeded: false });
  } finally {
    await second.stop();
  }

  await resetLocalDatabase(dataDir);
  expect(existsSync(dataDir)).toBe(false);
}, 60_000);

it("deletes a throwaway database on stop", async () => {
  const dataDir = join(tmpdir(), unique("throwaway-pg"));
  const stack = await startLocalSupabase({
    dataDir,
    pgPort: await freePort(),
    restPort: 0,
    signingKeys: [await generateSigningKey()],
    publishableKey: newPublishableKey(),
    persistent: false,
  });
  expect(stack.legacyAnonKey).toBeNull();
  expect(existsSync(dataDir)).toBe(true);
  await stack.stop();
  expect(existsSync(dataDir)).toBe(false);
}, 60_000);
