import { formatPrice } from "../../../../src/shared/i18n/currency";
import type { SalesSummary } from "../../api";
import { RelativeTime } from "../../components/relative-time";
import { useApp } from "../../context";
import { SalesTable } from "./sales-table";
import { useLabels } from "./use-labels";

/** The latest Stripe Checkout sessions opened from /shop, paid or not. */
export function Checkouts({ summary }: { summary: SalesSummary }) {
  const { t, locale, userName } = useApp();
  const labels = useLabels(summary);
  return (
    <SalesTable
      id="sales-checkouts"
      title={t("sales.checkoutsTitle")}
      empty={t("sales.noCheckouts")}
      rows={summary.recentCheckouts.length}
      columns={
        <>
          <th scope="col">{t("sales.promotion")}</th>
          <th scope="col">{t("sales.session")}</th>
        </>
      }
    >
      {summary.recentCheckouts.map((c) => (
        <tr key={c.sessionId}>
          <td>
            <RelativeTime iso={c.at} />
          </td>
          <td>{userName(c.userId)}</td>
          <td>
            {labels.plan(c.planId)} <span class="muted small">· {t(`sales.mode.${c.mode}`)}</span>
          </td>
          <td class="num-col">{formatPrice(c.amountCents, c.currency, locale)}</td>
          <td>{labels.promotion(c.promotionId === null ? "none" : String(c.promotionId))}</td>
          <td>
            <code class="session-id">{c.sessionId}</code>
          </td>
        </tr>
      ))}
    </SalesTable>
  );
}
