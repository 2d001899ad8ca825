/**
 * Pure: the buttons under /shop. A Buy button per plan when Stripe is set up (`shop-buy:<plan id>`),
 * and Discord's own premium button for plans Discord also sells (a SKU). Discord allows 5 rows of 5.
 */
import { ButtonStyle, ComponentType } from "discord-api-types/payloads/v10";
import type { APIActionRowComponent, APIButtonComponent } from "discord-api-types/v10";
import { customId } from "../../shared/discord/handlers";
import type { Translator } from "../../shared/i18n";
import { cutAt } from "../../shared/markdown";

/** Its own prefix, apart from any other /shop component. */
export const BUY_PREFIX = "shop-buy";

export function shopButtons(
  plans: readonly { id: string; name: string }[],
  skuByPlan: ReadonlyMap<string, string>,
  stripeOn: boolean,
  t: Translator,
): APIActionRowComponent<APIButtonComponent>[] {
  const buttons: APIButtonComponent[] = [];
  for (const plan of plans) {
    if (stripeOn) {
      buttons.push({
        type: ComponentType.Button,
        style: ButtonStyle.Primary,
        custom_id: customId(BUY_PREFIX, plan.id),
        // Discord's limit for a label is 80 characters.
        label: cutAt(t("shop.buy.button", { plan: plan.name }), 80),
      });
    }
    const sku = skuByPlan.get(plan.id);
    if (sku) buttons.push({ type: ComponentType.Button, style: ButtonStyle.Premium, sku_id: sku });
  }
  const rows: APIActionRowComponent<APIButtonComponent>[] = [];
  for (let i = 0; i < buttons.length && rows.length < 5; i += 5) {
    rows.push({ type: ComponentType.ActionRow, components: buttons.slice(i, i + 5) });
  }
  return rows;
}
