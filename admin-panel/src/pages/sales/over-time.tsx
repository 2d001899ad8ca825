import { useMemo } from "preact/hooks";
import { formatPrice } from "../../../../src/shared/i18n/currency";
import type { SalesSummary } from "../../api";
import { Chart, type ChartSeries } from "../../components/chart";
import { useApp } from "../../context";
import { formatNumber } from "../../i18n";
import { groupSales, periodDays, type SalesGroup } from "../../sales-data";
import { useLabels } from "./use-labels";

const PALETTE = ["#5865f2", "#23a55a", "#f59e0b", "#eb459e", "#8b5cf6", "#0ea5e9", "#ef4444", "#64748b"];

/** Revenue by plan or by promotion over the period: a line per group, and the totals in a table. */
export function OverTime({
  summary,
  currency,
  by,
}: {
  summary: SalesSummary;
  currency: string;
  by: "plan" | "promotion";
}) {
  const { t, locale } = useApp();
  const labels = useLabels(summary);
  const groups = useMemo(() => groupSales(summary, currency, by), [summary, currency, by]);
  const label = (group: SalesGroup) => (by === "plan" ? labels.plan(group.key) : labels.promotion(group.key));
  const digits =
    new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
  const chart = useMemo(() => {
    const x = periodDays(summary).map((day) => Date.parse(`${day}T12:00:00Z`) / 1000);
    const series: ChartSeries[] = groups.slice(0, PALETTE.length).map((group, i) => ({
      label: label(group),
      // Major units (euros, not cents), so the axis reads as prices do.
      values: group.daily.map((cents) => cents / 10 ** digits),
      colour: PALETTE[i] ?? "#64748b",
    }));
    return { x, series };
  }, [groups, locale]);
  const formatY = useMemo(
    () => (value: number) => formatPrice(Math.round(value * 10 ** digits), currency, locale),
    [currency, locale],
  );
  const id = `sales-${by}`;
  const title = t(by === "plan" ? "sales.byPlanOverTime" : "sales.byPromotionOverTime");
  return (
    <section class="card wide-card sales-section" aria-labelledby={id}>
      <h2 id={id}>
        {title}
        <span class="muted small"> · {t("sales.days", { count: summary.days })}</span>
      </h2>
      {chart.series.length > 0 ? (
        <Chart
          x={chart.x}
          series={chart.series}
          kind="lines"
          title={title}
          locale={locale}
          formatY={formatY}
        />
      ) : (
        <p class="muted">{t("sales.empty")}</p>
      )}
      <div class="table-wrap">
        <table class="sales-table">
          <thead>
            <tr>
              <th scope="col">{t(by === "plan" ? "sales.plan" : "sales.promotion")}</th>
              <th scope="col" class="num-col">
                {t("sales.payments")}
              </th>
              <th scope="col" class="num-col">
                {t("sales.paid")}
              </th>
              <th scope="col" class="num-col">
                {t("sales.refunded")}
              </th>
            </tr>
          </thead>
          <tbody>
            {groups.map((group, i) => (
              <tr key={group.key}>
                <th scope="row">
                  <span
                    class="swatch"
                    style={{ background: PALETTE[i % PALETTE.length] }}
                    aria-hidden="true"
                  />
                  {label(group)}
                </th>
                <td class="num-col">{formatNumber(group.payments, locale)}</td>
                <td class="num-col">{formatPrice(group.paidCents, currency, locale)}</td>
                <td class="num-col">{formatPrice(group.refundedCents, currency, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
