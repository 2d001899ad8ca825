/**
 * Shared by the plan-admin tests: two servers of the test file's own (so parallel files and the seed
 * never meet its plans) with an admin signed in to each, and plans as the dashboard sends them.
 */
import { randomBytes } from "node:crypto";
import type { SupabaseClient } from "@supabase/supabase-js";
import { beforeAll } from "vitest";
import { createPlan, type Plan, type PlanInput } from "../../../src/maxis/plans/rpc";
import { snowflake } from "../../support/snowflake";
import { client, userJwt } from "../local-supabase/support";

export { snowflake };

export const as = async (
  guildId: string | null,
  appRole: string,
  sub = snowflake(),
): Promise<SupabaseClient> => client(await userJwt({ sub, guild_id: guildId, app_role: appRole }));

export const input = (overrides: Partial<PlanInput> = {}): PlanInput => ({
  key: `k-${randomBytes(3).toString("hex")}`,
  name: "Pro",
  nameFr: "Pro",
  description: "Priority support",
  descriptionFr: "Support prioritaire",
  priceCents: 1299,
  floorCents: 799,
  currency: "EUR",
  duration: "month",
  active: true,
  sortOrder: null,
  ...overrides,
});

export async function created(db: SupabaseClient, overrides: Partial<PlanInput> = {}): Promise<Plan> {
  const result = await createPlan(db, input(overrides));
  if (!result.ok) throw new Error(result.error.code);
  return result.value;
}

export const editable = (plan: Plan): PlanInput => ({ ...plan, sortOrder: plan.sortOrder });

export interface TwoServers {
  serverA: string;
  serverB: string;
  adminAId: string;
  adminBId: string;
  /** Signed in before the file's tests. */
  adminA: SupabaseClient;
  adminB: SupabaseClient;
}

/** Two servers of this file only, each with its admin signed in before the tests. */
export function twoServers(): TwoServers {
  const servers = {
    serverA: snowflake(),
    serverB: snowflake(),
    adminAId: snowflake(),
    adminBId: snowflake(),
  };
  const signedIn = servers as TwoServers;
  beforeAll(async () => {
    signedIn.adminA = await as(servers.serverA, "admin", servers.adminAId);
    signedIn.adminB = await as(servers.serverB, "admin", servers.adminBId);
  });
  return signedIn;
}
