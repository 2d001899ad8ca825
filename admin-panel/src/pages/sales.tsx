import { useEffect, useMemo, useState } from "preact/hooks";
import { formatPrice } from "../../../src/shared/i18n/currency";
import { SALES_PERIODS, type SalesSummary } from "../api";
import { Chart, type ChartSeries } from "../components/chart";
import { useApp } from "../context";
import { errorText } from "../error-text";
import { formatDateTime, formatNumber, formatRelative } from "../i18n";
import { usePolling } from "../poll";
import {
  conversionPercent,
  currenciesOf,
  groupSales,
  periodDays,
  type SalesGroup,
  totalsOf,
} from "../sales-data";
import "./sales.css";

const PALETTE = ["#5865f2", "#23a55a", "#f59e0b", "#eb459e", "#8b5cf6", "#0ea5e9", "#ef4444", "#64748b"];

/** The server's sales (admins only): revenue by plan and promotion over time, what runs, what failed. */
export function SalesPage() {
  const { api, t, locale, session } = useApp();
  const [days, setDays] = useState<number>(30);
  const [summary, setSummary] = useState<SalesSummary | null>(null);
  const [currency, setCurrency] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const admin = session.appRole === "admin";

  const load = async () => {
    if (!admin) return;
    try {
      setSummary(await api.sales(days));
      setError(null);
    } catch (err) {
      setError(errorText(err, t));
    }
  };
  useEffect(() => {
    void load();
  }, [days, admin]);
  usePolling(load, 60_000, [days, admin]);

  const currencies = useMemo(() => (summary ? currenciesOf(summary) : []), [summary]);
  const shown = currency && currencies.includes(currency) ? currency : (currencies[0] ?? null);

  if (!admin) {
    return (
      <div class="sales">
        <div class="page-head">
          <h1>{t("sales.title")}</h1>
        </div>
        <p class="error" role="alert">
          {t("sales.adminsOnly")}
        </p>
      </div>
    );
  }

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
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
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

/** Names of plans and promotions as the reader's language shows them. */
function useLabels(summary: SalesSummary) {
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

function OverTime({
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
                  <span class="swatch" data-colour={i % PALETTE.length} aria-hidden="true" />
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

function FailedPayments({ summary }: { summary: SalesSummary }) {
  const { t, locale, userName } = useApp();
  const labels = useLabels(summary);
  return (
    <section class="card wide-card sales-section" aria-labelledby="sales-failed">
      <h2 id="sales-failed">{t("sales.failedTitle")}</h2>
      {summary.failed.length === 0 ? (
        <p class="muted">{t("sales.noFailed")}</p>
      ) : (
        <div class="table-wrap">
          <table class="sales-table">
            <thead>
              <tr>
                <th scope="col">{t("sales.when")}</th>
                <th scope="col">{t("sales.member")}</th>
                <th scope="col">{t("sales.plan")}</th>
                <th scope="col" class="num-col">
                  {t("sales.amount")}
                </th>
                <th scope="col">{t("sales.status")}</th>
              </tr>
            </thead>
            <tbody>
              {summary.failed.map((f) => (
                <tr key={`${f.at}-${f.userId}`}>
                  <td>
                    <time dateTime={f.at} title={formatDateTime(f.at, locale)}>
                      {formatRelative(f.at, locale)}
                    </time>
                  </td>
                  <td>{userName(f.userId)}</td>
                  <td>{labels.plan(f.planId)}</td>
                  <td class="num-col">{formatPrice(f.amountCents, f.currency, locale)}</td>
                  <td>
                    <span class={`badge sales-status-${f.status}`}>{t(`sales.status.${f.status}`)}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function Checkouts({ summary }: { summary: SalesSummary }) {
  const { t, locale, userName } = useApp();
  const labels = useLabels(summary);
  return (
    <section class="card wide-card sales-section" aria-labelledby="sales-checkouts">
      <h2 id="sales-checkouts">{t("sales.checkoutsTitle")}</h2>
      {summary.recentCheckouts.length === 0 ? (
        <p class="muted">{t("sales.noCheckouts")}</p>
      ) : (
        <div class="table-wrap">
          <table class="sales-table">
            <thead>
              <tr>
                <th scope="col">{t("sales.when")}</th>
                <th scope="col">{t("sales.member")}</th>
                <th scope="col">{t("sales.plan")}</th>
                <th scope="col" class="num-col">
                  {t("sales.amount")}
                </th>
                <th scope="col">{t("sales.promotion")}</th>
                <th scope="col">{t("sales.session")}</th>
              </tr>
            </thead>
            <tbody>
              {summary.recentCheckouts.map((c) => (
                <tr key={c.sessionId}>
                  <td>
                    <time dateTime={c.at} title={formatDateTime(c.at, locale)}>
                      {formatRelative(c.at, locale)}
                    </time>
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
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function Kpi({
  label,
  value,
  tone,
  detail,
}: {
  label: string;
  value: string;
  tone: string;
  detail?: string | undefined;
}) {
  return (
    <div class={`kpi tone-${tone}`}>
      <span class="kpi-label">{label}</span>
      <span class="kpi-value">{value}</span>
      {detail && <span class="kpi-detail">{detail}</span>}
    </div>
  );
}
