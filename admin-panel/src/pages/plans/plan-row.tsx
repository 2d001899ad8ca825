import { formatPrice } from "../../../../src/shared/i18n/currency";
import type { Plan } from "../../api";
import { useApp } from "../../context";
import { planHref } from "../../route";

/** A plan in the list: its name, key, price per period and whether it is on sale. */
export function PlanRow({ plan, current }: { plan: Plan; current: boolean }) {
  const { t, locale } = useApp();
  const name = (locale === "fr" && plan.nameFr) || plan.name;
  return (
    <li>
      <a
        href={planHref(plan.id)}
        aria-current={current ? "true" : undefined}
        class={plan.active ? "" : "archived"}
      >
        <span class="plan-name">{name}</span>
        <code>{plan.key}</code>
        <span class="plan-price">
          {t(`plans.perDuration.${plan.duration}`, {
            price: formatPrice(plan.priceCents, plan.currency, locale),
          })}
        </span>
        <span class={`badge ${plan.active ? "on-sale" : "archived"}`}>
          {t(plan.active ? "plans.active" : "plans.archived")}
        </span>
      </a>
    </li>
  );
}
