/**
 * The Buy button under /shop (`shop-buy:<plan id>`): prices the plan exactly as /shop showed it (the
 * same SQL, under the member's RLS: the list price, or the promoted one while a promotion is live),
 * opens a Stripe Checkout Session in the plan's currency and the member's language, with the member,
 * server, plan and promotion in its metadata, records it in the checkout audit (who, plan, price,
 * promotion, session), and answers with the link, only to them. A lifetime plan is paid once
 * (mode=payment); the others renew every week, month or year.
 *
 * A plan is bought once: one the member already holds here (from Stripe or Discord) is refused; the
 * checkout goes to the member's existing Stripe customer (one billing portal); and their earlier
 * checkouts for the plan are expired at Stripe before the new link is shown.
 */
import { ButtonStyle, ComponentType } from "discord-api-types/payloads/v10";
import type { ComponentHandler } from "../../shared/discord/handlers";
import { ephemeral } from "../../shared/discord/responses";
import type { Locale, MessageKey, Translator } from "../../shared/i18n";
import { formatPrice } from "../../shared/i18n/currency";
import { actingIdentity } from "../identity";
import { listShop } from "../shop/service";
import type { PlanDuration, ShopPlan } from "../shop/types";
import type { SupabaseIdentity } from "../supabase/client";
import { interactionEntitlements } from "./discord-entitlements";
import { closeCheckouts } from "./earlier-checkouts";
import { type CheckoutClosure, myEntitlements, recordCheckout, recordCheckoutClosures } from "./ledger";
import { billingCustomer, holdsPlan } from "./member-plans";
import { BUY_PREFIX } from "./shop-buttons";
import { checkoutMode, createCheckoutSession, stripeConfigured } from "./stripe-api";

/** What the member is told they are about to pay: per week, month, year, or once. */
const READY = {
  week: "payments.checkout.ready_week",
  month: "payments.checkout.ready",
  year: "payments.checkout.ready_year",
  lifetime: "payments.checkout.ready_lifetime",
} as const satisfies Record<PlanDuration, MessageKey>;

/** The answer with the Checkout link, only to the member. */
function checkoutLink(t: Translator, locale: Locale, plan: ShopPlan, amountCents: number, url: string) {
  return ephemeral({
    content: [
      t(READY[plan.duration], { plan: plan.name, price: formatPrice(amountCents, plan.currency, locale) }),
      // Only a plan with a role (set by the server's admins) promises one.
      ...(plan.grantsRole ? [t("payments.checkout.role_follows")] : []),
    ].join(" "),
    components: [
      {
        type: ComponentType.ActionRow,
        components: [
          { type: ComponentType.Button, style: ButtonStyle.Link, url, label: t("payments.checkout.pay") },
        ],
      },
    ],
  });
}

/** The ledger's own record of the member here (RLS); null when it cannot be read. */
const ledgerOf = (env: MaxisEnv, identity: SupabaseIdentity) =>
  myEntitlements(env, identity).catch((error: unknown) => {
    console.error("payments: Buy could not read the member's plans", String(error));
    return null;
  });

export const buyButton: ComponentHandler<MaxisEnv> = {
  prefix: BUY_PREFIX,

  async run({ interaction, env, locale, t, waitUntil }, args) {
    const [planId] = args;
    if (!planId) return ephemeral(t("payments.checkout.unknown_plan"));
    const guildId = interaction.guild_id;
    if (!guildId) return ephemeral(t("payments.checkout.guild_only"));
    if (!stripeConfigured(env)) return ephemeral(t("payments.checkout.not_configured"));

    const identity = await actingIdentity(env, interaction);
    const [plans, ledger] = await Promise.all([
      listShop(env, { kind: "member", identity }, locale),
      ledgerOf(env, identity),
    ]);
    if (!plans.ok || !ledger) return ephemeral(t("payments.checkout.unavailable"));
    const plan = plans.value.find((candidate) => candidate.id === planId);
    if (!plan) return ephemeral(t("payments.checkout.unknown_plan"));
    const alreadyOwned = ephemeral(t("payments.checkout.already_owned", { plan: plan.name }));
    if (holdsPlan(plan, ledger, interactionEntitlements(interaction))) return alreadyOwned;
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
        customerId: billingCustomer(ledger),
      });
      // Audited before the link is shown: a checkout nobody can trace is never handed out.
      const { earlier_open } = await recordCheckout(env, {
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
      if (earlier_open.length === 0) return checkoutLink(t, locale, plan, amountCents, session.url);
      // The member's earlier checkouts for this plan are closed first: only this link can be paid.
      const closed = await closeCheckouts(env, earlier_open);
      const paidMeanwhile = closed.some((c) => c.status === "complete");
      waitUntil(forgetClosed(env, closed, paidMeanwhile ? session.id : null));
      return paidMeanwhile ? alreadyOwned : checkoutLink(t, locale, plan, amountCents, session.url);
    } catch (error) {
      console.error("payments: checkout session failed", { plan: plan.id, error: String(error) });
      return ephemeral(t("payments.checkout.unavailable"));
    }
  },
};

/**
 * After the answer: the closed checkouts are recorded (never expired again), and a new one the member
 * will not get (they paid an earlier one meanwhile) is expired too.
 */
async function forgetClosed(env: MaxisEnv, closed: CheckoutClosure[], unused: string | null) {
  try {
    const all = unused ? [...closed, ...(await closeCheckouts(env, [unused]))] : closed;
    await recordCheckoutClosures(env, all);
  } catch (error) {
    console.error("payments: could not record closed checkouts", String(error));
  }
}
