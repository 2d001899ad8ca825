import { type SupabaseIdentity, supabaseAs } from "../supabase/client";

/** Plan id → Discord SKU, for /shop's premium buttons; empty (no buttons) when it cannot be read. */
export async function planSkus(
  env: Parameters<typeof supabaseAs>[0],
  identity: SupabaseIdentity,
): Promise<Map<string, string>> {
  const supabase = await supabaseAs(env, identity);
  const { data, error } = await supabase.rpc("plan_skus");
  if (error) {
    console.error("payments: plan_skus failed", error);
    return new Map();
  }
  return new Map((data as { plan_id: string; sku_id: string }[]).map((row) => [row.plan_id, row.sku_id]));
}
