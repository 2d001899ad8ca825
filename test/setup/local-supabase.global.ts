import { randomBytes } from "node:crypto";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { type LocalSupabase, startLocalSupabase } from "../../scripts/local-supabase";
import { freePort } from "./ports";

const KEY = Symbol.for("shellia-maxis.test.local-supabase");
type Shared = { users: number; stack: LocalSupabase; jwtSecret: string };
const registry = globalThis as unknown as Record<symbol, Promise<Shared> | undefined>;

async function start(): Promise<Shared> {
  const jwtSecret = process.env["TEST_SUPABASE_JWT_SECRET"] || randomBytes(32).toString("hex");
  const stack = await startLocalSupabase({
    // A throwaway cluster outside the repository, deleted on stop.
    dataDir: join(tmpdir(), `shellia-maxis-test-pg-${process.pid}-${randomBytes(4).toString("hex")}`),
    pgPort: Number(process.env["TEST_PG_PORT"]) || (await freePort()),
    restPort: Number(process.env["TEST_REST_PORT"]) || 0,
    jwtSecret,
    persistent: false,
  });
  return { users: 0, stack, jwtSecret };
}

/**
 * Starts one local Supabase stand-in (PostgreSQL with the migrations, and the REST endpoint) per test
 * run, on the ports and JWT secret the root config chose, for every project that lists this file.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  registry[KEY] ??= start();
  let shared: Shared;
  try {
    shared = await registry[KEY];
  } catch (error) {
    registry[KEY] = undefined;
    throw error;
  }
  shared.users += 1;
  const { restUrl, databaseUrl, anonKey, serviceRoleKey } = shared.stack;
  project.provide("supabase", { restUrl, databaseUrl, anonKey, serviceRoleKey, jwtSecret: shared.jwtSecret });
  return async () => {
    shared.users -= 1;
    if (shared.users === 0) {
      registry[KEY] = undefined;
      await shared.stack.stop();
    }
  };
}
