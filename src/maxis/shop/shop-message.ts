import type { APIEmbed } from "discord-api-types/v10";
import type { MessageData } from "../../shared/discord/responses";
import { effectivePercent } from "../../shared/discount";
import type { Locale, Translator } from "../../shared/i18n";
import { formatPrice } from "../../shared/i18n/currency";
import { unixSeconds } from "./money";
import type { ShopPlan } from "./types";

const SHOP_COLOUR = 0x5865f2;
/** Discord allows 25 fields per embed. */
const MAX_FIELDS = 25;

/** The /shop answer: one field per plan, its price, and the promoted price with a live countdown. */
export function shopMessage(plans: readonly ShopPlan[], locale: Locale, t: Translator): MessageData {
  if (plans.length === 0) return { content: t("shop.empty") };
  const fields: NonNullable<APIEmbed["fields"]> = plans.slice(0, MAX_FIELDS).map((plan) => {
    const price = formatPrice(plan.priceCents, plan.currency, locale);
    const priceLine = plan.promotion
      ? t("shop.plan.promoted", {
          price,
          promoted: formatPrice(plan.promotion.promotedCents, plan.currency, locale),
          percent: effectivePercent(plan.priceCents, plan.promotion.promotedCents),
          ends: unixSeconds(plan.promotion.endsAt),
        })
      : t("shop.plan.price", { price });
    return { name: plan.name, value: [priceLine, plan.description].filter(Boolean).join("\n") };
  });
  const currencies = [...new Set(plans.map((plan) => plan.currency))].join(", ");
  return {
    embeds: [
      {
        title: t("shop.title"),
        color: SHOP_COLOUR,
        fields,
        footer: { text: t("shop.footer", { currency: currencies }) },
      },
    ],
  };
}
