/**
 * `/subscription`: the member's plans in this server (their own ledger rows, under RLS), each with
 * its status and renewal date, and a button to Stripe's customer portal (cancel, change card).
 */
import { ButtonStyle, ComponentType } from "discord-api-types/payloads/v10";
import type { APIEmbedField } from "discord-api-types/v10";
import { guildCommand } from "../../shared/discord/command-definition";
import type { SlashCommand } from "../../shared/discord/handlers";
import { ephemeral } from "../../shared/discord/responses";
import type { MessageKey, Translator } from "../../shared/i18n";
import { formatPrice } from "../../shared/i18n/currency";
import { escapeMarkdown } from "../../shared/markdown";
import { actingIdentity } from "../identity";
import { unixSeconds } from "../shop/money";
import { interactionEntitlements } from "./discord-entitlements";
import { type LedgerEntitlement, myEntitlements } from "./ledger";
import { billingCustomer } from "./member-plans";
import { createPortalSession, stripeConfigured } from "./stripe-api";
import { syncInteractionEntitlements } from "./sync-entitlements";

const COLOUR = 0x5865f2;

/** The price's period, as at checkout: once, per week, month or year. */
function paidKey(entitlement: LedgerEntitlement): MessageKey {
  if (entitlement.once || entitlement.duration === "lifetime") return "subscription.paid_once";
  return entitlement.duration ? `subscription.paid_${entitlement.duration}` : "subscription.paid";
}

function describe(entitlement: LedgerEntitlement, t: Translator, locale: "fr" | "en"): APIEmbedField {
  const lines: string[] = [];
  if (entitlement.status === "grace" && entitlement.grace_until) {
    lines.push(t("subscription.status.grace", { until: unixSeconds(entitlement.grace_until) }));
  } else {
    lines.push(`**${t(`subscription.status.${entitlement.status}`)}**`);
  }
  if (entitlement.status === "active" && entitlement.once) {
    lines.push(t("subscription.lifetime"));
  } else if (entitlement.status === "active" && entitlement.period_end) {
    lines.push(t("subscription.renews", { date: unixSeconds(entitlement.period_end) }));
  }
  if (entitlement.amount_cents !== null && entitlement.currency) {
    const price = formatPrice(entitlement.amount_cents, entitlement.currency, locale);
    lines.push(t(paidKey(entitlement), { price }));
  }
  lines.push(t(`subscription.source.${entitlement.source}`));
  const name = (locale === "fr" && entitlement.plan_name_fr) || entitlement.plan_name;
  return { name: escapeMarkdown(name), value: lines.join("\n") };
}

export const subscriptionCommand: SlashCommand<MaxisEnv> = {
  data: guildCommand({ name: "subscription", description: "command.subscription.description" }),

  async run({ interaction, env, locale, t, waitUntil }) {
    await syncInteractionEntitlements(env, interactionEntitlements(interaction), waitUntil);
    const identity = await actingIdentity(env, interaction);
    let entitlements: LedgerEntitlement[];
    try {
      entitlements = await myEntitlements(env, identity);
    } catch (error) {
      console.error("payments: /subscription could not read the ledger", error);
      return ephemeral(t("subscription.unavailable"));
    }
    if (entitlements.length === 0) return ephemeral(t("subscription.empty"));

    // Also when every plan has ended (a refund, a dispute): the member still reaches their invoices.
    const customer = billingCustomer(entitlements);
    let portalUrl: string | null = null;
    let portalNote: string | undefined;
    if (customer && stripeConfigured(env) && interaction.guild_id) {
      try {
        portalUrl = (
          await createPortalSession(
            env,
            customer,
            `https://discord.com/channels/${interaction.guild_id}`,
            locale,
          )
        ).url;
      } catch (error) {
        console.error("payments: portal session failed", String(error));
        portalNote = t("subscription.portal_unavailable");
      }
    }
    return ephemeral({
      ...(portalNote ? { content: portalNote } : {}),
      embeds: [
        {
          title: t("subscription.title"),
          color: COLOUR,
          fields: entitlements.map((e) => describe(e, t, locale)),
        },
      ],
      components: portalUrl
        ? [
            {
              type: ComponentType.ActionRow,
              components: [
                {
                  type: ComponentType.Button,
                  style: ButtonStyle.Link,
                  url: portalUrl,
                  label: t("subscription.portal"),
                },
              ],
            },
          ]
        : [],
    });
  },
};
