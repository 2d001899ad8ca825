/**
 * Shared by the promotions tests: the shop service's environment and callers, three plans of the test
 * file's own (seeded before its tests, so the seed and parallel files never change what it counts),
 * and raw calls as the control identity.
 */
import { randomBytes } from "node:crypto";
import { beforeAll } from "vitest";
import type { ShopActor } from "../../../src/maxis/shop/service";
import type { SupabaseIdentity } from "../../../src/maxis/supabase/client";
import { snowflake } from "../../support/snowflake";
import { sql, supabase } from "../local-supabase/support";

export const env = () => ({
  SUPABASE_URL: supabase().restUrl,
  SUPABASE_PUBLISHABLE_KEY: supabase().publishableKey,
  SUPABASE_JWT_SIGNING_KEY: supabase().signingKey,
});
export const GUILD = "1300000000000000010";
export const actor = (appRole: SupabaseIdentity["appRole"]): ShopActor & { identity: SupabaseIdentity } => ({
  kind: "member",
  identity: { userId: snowflake(), appRole, guildId: GUILD, roleIds: [] },
});

/** Plans of this test file only, so the seed and parallel files never change what we count. */
export const plan = `t-${randomBytes(4).toString("hex")}`;
export const floored = `${plan}-floor`;
export const hidden = `${plan}-off`;
export const promotionsOf = async (planId: string) =>
  Number(
    (await sql<{ n: string }>("select count(*) as n from public.promotions where plan_id = $1", [planId]))[0]
      ?.n,
  );

/** A raw PostgREST call with the secret key (service_role): the control identity, as Maxis's control API calls. */
export const serviceRpc = (fn: string, body: Record<string, unknown>) =>
  fetch(`${supabase().restUrl}/rest/v1/rpc/${fn}`, {
    method: "POST",
    headers: {
      "Content-Type": "application/json",
      apikey: supabase().secretKey,
      Authorization: `Bearer ${supabase().secretKey}`,
    },
    body: JSON.stringify(body),
  });

/** Seeds the file's three plans before its tests. */
export function seedPlans() {
  beforeAll(async () => {
    await sql(
      `insert into public.plans (id, guild_id, key, name, description, description_fr, price_cents, currency, floor_cents, active, sort_order) values
       ($1, $4, $1, 'Test Pro', 'For tests', 'Pour les tests', 1299, 'EUR', 799, true, 1000),
       ($2, $4, $2, 'Test Floor', 'No French yet', '', 1000, 'USD', 900, true, 1001),
       ($3, $4, $3, 'Test Retired', '', '', 500, 'EUR', 0, false, 1002)`,
      [plan, floored, hidden, GUILD],
    );
  });
}
