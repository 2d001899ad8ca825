/**
 * The Buy button under /shop (`shop-buy:<plan id>`): prices the plan exactly as /shop showed it (the
 * same SQL, under the member's RLS: the list price, or the promoted one while a promotion is live),
 * opens a Stripe Checkout Session in the plan's currency and the member's language, with the member,
 * server, plan and promotion in its metadata, records it in the checkout audit (who, plan, price,
 * promotion, session), and answers with the link, only to them. A lifetime plan is paid once
 * (mode=payment); the others renew every week, month or year.
 */
import { ButtonStyle, ComponentType } from "discord-api-types/payloads/v10";
import type { ComponentHandler } from "../../shared/discord/handlers";
import { ephemeral } from "../../shared/discord/responses";
import type { MessageKey } from "../../shared/i18n";
import { formatPrice } from "../../shared/i18n/currency";
import { actingIdentity } from "../identity";
import { listShop } from "../shop/service";
import type { PlanDuration } from "../shop/types";
import { recordCheckout } from "./ledger";
import { BUY_PREFIX } from "./shop-buttons";
import { checkoutMode, createCheckoutSession, stripeConfigured } from "./stripe-api";

/** What the member is told they are about to pay: per week, month, year, or once. */
const READY = {
  week: "payments.checkout.ready_week",
  month: "payments.checkout.ready",
  year: "payments.checkout.ready_year",
  lifetime: "payments.checkout.ready_lifetime",
} as const satisfies Record<PlanDuration, MessageKey>;

export const buyButton: ComponentHandler<MaxisEnv> = {
  prefix: BUY_PREFIX,

  async run({ interaction, env, locale, t }, args) {
    const [planId] = args;
    if (!planId) return ephemeral(t("payments.checkout.unknown_plan"));
    const guildId = interaction.guild_id;
    if (!guildId) return ephemeral(t("payments.checkout.guild_only"));
    if (!stripeConfigured(env)) return ephemeral(t("payments.checkout.not_configured"));

    const identity = await actingIdentity(env, interaction);
    const plans = await listShop(env, { kind: "member", identity }, locale);
    if (!plans.ok) return ephemeral(t("payments.checkout.unavailable"));
    const plan = plans.value.find((candidate) => candidate.id === planId);
    if (!plan) return ephemeral(t("payments.checkout.unknown_plan"));
    const amountCents = plan.promotion?.promotedCents ?? plan.priceCents;

    try {
      const session = await createCheckoutSession(env, {
        guildId,
        userId: identity.userId,
        planId: plan.id,
        planName: plan.name,
        promotionId: plan.promotion?.id ?? null,
        amountCents,
        currency: plan.currency,
        duration: plan.duration,
        locale,
        returnUrl: `https://discord.com/channels/${guildId}`,
        idempotencyKey: `checkout-${interaction.id}`,
      });
      // Audited before the link is shown: a checkout nobody can trace is never handed out.
      await recordCheckout(env, {
        guild_id: guildId,
        user_id: identity.userId,
        plan_id: plan.id,
        promotion_id: plan.promotion?.id ?? null,
        amount_cents: amountCents,
        currency: plan.currency,
        mode: checkoutMode(plan.duration),
        session_id: session.id,
        interaction_id: interaction.id,
      });
      return ephemeral({
        content: t(READY[plan.duration], {
          plan: plan.name,
          price: formatPrice(amountCents, plan.currency, locale),
        }),
        components: [
          {
            type: ComponentType.ActionRow,
            components: [
              {
                type: ComponentType.Button,
                style: ButtonStyle.Link,
                url: session.url,
                label: t("payments.checkout.pay"),
              },
            ],
          },
        ],
      });
    } catch (error) {
      console.error("payments: checkout session failed", { plan: plan.id, error: String(error) });
      return ephemeral(t("payments.checkout.unavailable"));
    }
  },
};
