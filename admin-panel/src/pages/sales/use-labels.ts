import { useMemo } from "preact/hooks";
import type { SalesSummary } from "../../api";
import { useApp } from "../../context";
import { formatNumber } from "../../i18n";

/** Names of plans and promotions as the reader's language shows them. */
export function useLabels(summary: SalesSummary) {
  const { t, locale } = useApp();
  return useMemo(() => {
    const plans = new Map(summary.plans.map((p) => [p.id, (locale === "fr" && p.nameFr) || p.name]));
    const plan = (id: string) => plans.get(id) ?? id;
    const promotions = new Map(summary.promotions.map((p) => [String(p.id), p]));
    const promotion = (key: string) => {
      if (key === "none") return t("sales.noPromotion");
      const p = promotions.get(key);
      return p
        ? t("sales.promotionLabel", {
            percent: formatNumber(p.percent, locale),
            plan: plan(p.planId),
            id: p.id,
          })
        : `#${key}`;
    };
    return { plan, promotion };
  }, [summary, locale]);
}
