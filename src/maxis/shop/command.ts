import { guildCommand } from "../../shared/discord/command-definition";
import type { SlashCommand } from "../../shared/discord/handlers";
import { ephemeral } from "../../shared/discord/responses";
import { actingIdentity } from "../identity";
import { planSkus } from "../payments/plan-skus";
import { shopButtons } from "../payments/shop-buttons";
import { stripeConfigured } from "../payments/stripe-api";
import { syncInteractionEntitlements } from "../payments/sync-entitlements";
import { listShop, shopErrorMessage } from "./service";
import { shopMessage } from "./shop-message";

/** `/shop`: the plans with their prices and live promotions, in the member's language, only to them. */
export const shopCommand: SlashCommand<MaxisEnv> = {
  data: guildCommand({ name: "shop", description: "command.shop.description" }),

  async run({ interaction, env, locale, t, waitUntil }) {
    const identity = await actingIdentity(env, interaction);
    waitUntil(syncInteractionEntitlements(env, interaction, waitUntil));
    const [plans, skus] = await Promise.all([
      listShop(env, { kind: "member", identity }, locale),
      planSkus(env, identity),
    ]);
    if (!plans.ok) return ephemeral(shopErrorMessage(t, plans.error));
    const message = shopMessage(plans.value, locale, t);
    // Buttons to buy: Stripe's checkout, and Discord's own for plans with a SKU.
    const components = shopButtons(plans.value, skus, stripeConfigured(env), t);
    return ephemeral(components.length ? { ...message, components } : message);
  },
};
