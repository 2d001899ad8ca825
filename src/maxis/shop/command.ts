import { guildCommand } from "../../shared/discord/command-definition";
import type { SlashCommand } from "../../shared/discord/handlers";
import { ephemeral } from "../../shared/discord/responses";
import { actingIdentity } from "../identity";
import { listShop, shopErrorMessage } from "./service";
import { shopMessage } from "./shop-message";

/** `/shop`: the plans with their prices and live promotions, in the member's language, only to them. */
export const shopCommand: SlashCommand<MaxisEnv> = {
  data: guildCommand({ name: "shop", description: "command.shop.description" }),

  async run({ interaction, env, locale, t }) {
    const identity = await actingIdentity(env, interaction);
    const plans = await listShop(env, { kind: "member", identity }, locale);
    if (!plans.ok) return ephemeral(shopErrorMessage(t, plans.error));
    return ephemeral(shopMessage(plans.value, locale, t));
  },
};
