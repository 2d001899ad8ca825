import type { APIInteraction } from "discord-api-types/v10";
import { interactionEntitlements } from "./discord-entitlements";
import { recordDiscordEntitlement } from "./ledger";
import { drainRoleChanges } from "./roles";

/**
 * Discord sends the member's entitlements with every interaction: /shop and /subscription record
 * them (the webhook events may be late or missed), then make any role change they cause.
 */
export async function syncInteractionEntitlements(env: MaxisEnv, interaction: APIInteraction): Promise<void> {
  const records = interactionEntitlements(interaction);
  if (records.length === 0) return;
  try {
    for (const record of records) await recordDiscordEntitlement(env, record);
    await drainRoleChanges(env);
  } catch (error) {
    console.error("payments: could not record the interaction's entitlements", error);
  }
}
