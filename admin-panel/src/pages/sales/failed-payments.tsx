import { formatPrice } from "../../../../src/shared/i18n/currency";
import type { SalesSummary } from "../../api";
import { RelativeTime } from "../../components/relative-time";
import { useApp } from "../../context";
import { SalesTable } from "./sales-table";
import { useLabels } from "./use-labels";

/** Payments that failed, and where each subscription stands since (grace, ended). */
export function FailedPayments({ summary }: { summary: SalesSummary }) {
  const { t, locale, userName } = useApp();
  const labels = useLabels(summary);
  return (
    <SalesTable
      id="sales-failed"
      title={t("sales.failedTitle")}
      empty={t("sales.noFailed")}
      rows={summary.failed.length}
      columns={<th scope="col">{t("sales.status")}</th>}
    >
      {summary.failed.map((f) => (
        <tr key={`${f.at}-${f.userId}`}>
          <td>
            <RelativeTime iso={f.at} />
          </td>
          <td>{userName(f.userId)}</td>
          <td>{labels.plan(f.planId)}</td>
          <td class="num-col">{formatPrice(f.amountCents, f.currency, locale)}</td>
          <td>
            <span class={`badge sales-status-${f.status}`}>{t(`sales.status.${f.status}`)}</span>
          </td>
        </tr>
      ))}
    </SalesTable>
  );
}
