import type { DiscordEntitlementRecord } from "./discord-entitlements";
import { recordDiscordEntitlement } from "./ledger";
import { drainRoleChanges } from "./roles";

/**
 * Discord sends the member's entitlements with every interaction: /shop and /subscription record
 * them (`interactionEntitlements`; the webhook events may be late or missed). The role changes they
 * cause are made after the answer, so a slow Discord never delays it past the 3-second limit.
 */
export async function syncInteractionEntitlements(
  env: MaxisEnv,
  records: readonly DiscordEntitlementRecord[],
  waitUntil: (promise: Promise<unknown>) => void,
): Promise<void> {
  if (records.length === 0) return;
  try {
    for (const record of records) await recordDiscordEntitlement(env, record);
    waitUntil(drainRoleChanges(env).catch((error) => console.error("payments: drain failed", error)));
  } catch (error) {
    console.error("payments: could not record the interaction's entitlements", error);
  }
}
