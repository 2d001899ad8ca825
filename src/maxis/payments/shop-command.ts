import { guildCommand } from "../../shared/discord/command-definition";
import type { SlashCommand } from "../../shared/discord/handlers";
import { ephemeral } from "../../shared/discord/responses";
import { actingIdentity } from "../identity";
import { listShop, shopErrorMessage } from "../shop/service";
import { shopMessage } from "../shop/shop-message";
import { interactionEntitlements } from "./discord-entitlements";
import { shopButtons } from "./shop-buttons";
import { stripeConfigured } from "./stripe-api";
import { syncInteractionEntitlements } from "./sync-entitlements";

/** `/shop`: the plans with their prices and live promotions, in the member's language, only to them. */
export const shopCommand: SlashCommand<MaxisEnv> = {
  data: guildCommand({ name: "shop", description: "command.shop.description" }),
  // Reads list_shop (STABLE) only, unless Discord sent entitlements, which it records: claimed then.
  readOnly: (interaction) => interactionEntitlements(interaction).length === 0,

  async run({ interaction, env, locale, t, waitUntil }) {
    const identity = await actingIdentity(env, interaction);
    const entitlements = interactionEntitlements(interaction);
    // Most members own none: then no background task is registered (one costs every call).
    if (entitlements.length) waitUntil(syncInteractionEntitlements(env, entitlements, waitUntil));
    const plans = await listShop(env, { kind: "member", identity }, locale);
    if (!plans.ok) return ephemeral(shopErrorMessage(t, plans.error));
    const message = shopMessage(plans.value, locale, t);
    // Buttons to buy: Stripe's checkout, and Discord's own for plans with a SKU.
    const skus = new Map(
      plans.value.flatMap((plan) => (plan.discordSkuId ? [[plan.id, plan.discordSkuId]] : [])),
    );
    const components = shopButtons(plans.value, skus, stripeConfigured(env), t);
    return ephemeral(components.length ? { ...message, components } : message);
  },
};
