import { useMemo, useState } from "preact/hooks";
import { formatPrice } from "../../../src/shared/i18n/currency";
import { SALES_PERIODS } from "../api";
import { AdminsOnly } from "../components/admins-only";
import { ErrorAlert } from "../components/form/error-alert";
import { useLoaded } from "../components/form/use-loaded";
import { Kpi } from "../components/kpi";
import { useApp } from "../context";
import { formatNumber } from "../i18n";
import { usePolling } from "../poll";
import { conversionPercent, currenciesOf, totalsOf } from "../sales-data";
import { Checkouts } from "./sales/checkouts";
import { FailedPayments } from "./sales/failed-payments";
import { OverTime } from "./sales/over-time";
import "./sales/sales.css";

/** The server's sales (admins only): revenue by plan and promotion over time, what runs, what failed. */
export function SalesPage() {
  const { api, t, locale, session } = useApp();
  const [days, setDays] = useState<number>(30);
  const [currency, setCurrency] = useState<string | null>(null);
  const admin = session.appRole === "admin";
  const {
    data: summary,
    error,
    reload,
  } = useLoaded(async () => (admin ? api.sales(days) : null), [days, admin]);
  usePolling(reload, 60_000, [days, admin]);

  const currencies = useMemo(() => (summary ? currenciesOf(summary) : []), [summary]);
  const shown = currency && currencies.includes(currency) ? currency : (currencies[0] ?? null);

  if (!admin) return <AdminsOnly page="sales" title={t("sales.title")} message={t("sales.adminsOnly")} />;

  const money = (cents: number, code: string | null = shown) =>
    code ? formatPrice(cents, code, locale) : formatNumber(0, locale);
  const totals = summary && shown ? totalsOf(summary, shown) : null;
  const conversion = summary ? conversionPercent(summary.checkouts, totals?.payments ?? 0) : null;

  return (
    <div class="sales">
      <div class="page-head">
        <h1>{t("sales.title")}</h1>
        <div class="sales-controls">
          <label>
            <span>{t("sales.period")}</span>
            <select
              id="sales-period"
              value={String(days)}
              onChange={(e) => setDays(Number(e.currentTarget.value))}
            >
              {SALES_PERIODS.map((n) => (
                <option key={n} value={String(n)}>
                  {t("sales.days", { count: n })}
                </option>
              ))}
            </select>
          </label>
          {currencies.length > 1 && (
            <label>
              <span>{t("sales.currency")}</span>
              <select
                id="sales-currency"
                value={shown ?? ""}
                onChange={(e) => setCurrency(e.currentTarget.value)}
              >
                {currencies.map((c) => (
                  <option key={c} value={c}>
                    {c}
                  </option>
                ))}
              </select>
            </label>
          )}
        </div>
      </div>
      <p class="lead">{t("sales.lead")}</p>
      <ErrorAlert error={error} />
      <div class="kpis">
        <Kpi label={t("sales.paid")} value={totals ? money(totals.paidCents) : "…"} tone="green" />
        <Kpi label={t("sales.refunded")} value={totals ? money(totals.refundedCents) : "…"} tone="amber" />
        <Kpi label={t("sales.net")} value={totals ? money(totals.netCents) : "…"} tone="blue" />
        <Kpi
          label={t("sales.failedPayments")}
          value={totals ? formatNumber(totals.failedPayments, locale) : summary ? "0" : "…"}
          tone="violet"
        />
        <Kpi
          label={t("sales.active")}
          value={
            summary
              ? formatNumber(
                  summary.active.subscriptions +
                    summary.active.grace +
                    summary.active.lifetime +
                    summary.active.discord,
                  locale,
                )
              : "…"
          }
          detail={summary ? t("sales.activeDetail", summary.active) : undefined}
          tone="teal"
        />
        <Kpi
          label={t("sales.conversion")}
          value={
            conversion === null || !summary
              ? "—"
              : t("sales.conversionValue", {
                  percent: formatNumber(conversion, locale),
                  checkouts: formatNumber(summary.checkouts, locale),
                })
          }
          tone="blue"
        />
      </div>
      {summary && !shown && <p class="card muted">{t("sales.empty")}</p>}
      {summary && shown && (
        <>
          <OverTime summary={summary} currency={shown} by="plan" />
          <OverTime summary={summary} currency={shown} by="promotion" />
        </>
      )}
      {summary && <FailedPayments summary={summary} />}
      {summary && <Checkouts summary={summary} />}
    </div>
  );
}
