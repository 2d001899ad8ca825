import { randomBytes } from "node:crypto";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { generateSigningKey, newPublishableKey } from "../../scripts/lib/supabase-keys";
import { type LocalSupabase, startLocalSupabase } from "../../scripts/local-supabase";
import { freePort, listeningAs } from "./ports";
import { useSharedService } from "./shared-service";

type Shared = { stack: LocalSupabase; signingKey: string };

async function start(): Promise<Shared> {
  const signingKey = process.env["TEST_SUPABASE_SIGNING_KEY"] || (await generateSigningKey());
  const publishableKey = process.env["TEST_SUPABASE_PUBLISHABLE_KEY"] || newPublishableKey();
  const stack = await listeningAs(
    "Supabase",
    ["TEST_PG_PORT", "TEST_REST_PORT"],
    startLocalSupabase({
      // A throwaway cluster outside the repository, deleted on stop.
      dataDir: join(tmpdir(), `shellia-maxis-test-pg-${process.pid}-${randomBytes(4).toString("hex")}`),
      pgPort: Number(process.env["TEST_PG_PORT"]) || (await freePort()),
      restPort: Number(process.env["TEST_REST_PORT"]) || 0,
      signingKeys: [signingKey],
      publishableKey,
      persistent: false,
    }),
  );
  return { stack, signingKey };
}

/**
 * Starts one local Supabase stand-in (PostgreSQL with the migrations, and the REST endpoint) per test
 * run, on the ports and keys the root config chose, for every project that lists this file.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const { service: shared, release } = await useSharedService("local-supabase", start, ({ stack }) =>
    stack.stop(),
  );
  const { restUrl, databaseUrl, publishableKey, secretKey } = shared.stack;
  project.provide("supabase", {
    restUrl,
    databaseUrl,
    publishableKey,
    secretKey,
    signingKey: shared.signingKey,
  });
  return release;
}
