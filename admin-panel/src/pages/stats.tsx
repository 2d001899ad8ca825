import { useMemo, useState } from "preact/hooks";
import { TICKET_PRIORITIES, type TicketStatsWindow } from "../api";
import { countedKeys, useCategories } from "../categories";
import { Chart } from "../components/chart";
import { ErrorAlert } from "../components/form/error-alert";
import { useLoaded } from "../components/form/use-loaded";
import { Kpi } from "../components/kpi";
import { useApp } from "../context";
import { formatNumber } from "../i18n";
import { usePolling } from "../poll";
import { AgentRow } from "./stats/agent-row";
import { Bars } from "./stats/bars";
import { bucketLabels } from "./stats/bucket-labels";
import { DistributionCard, Placeholder } from "./stats/distribution-card";
import { duration } from "./stats/duration";
import { SatisfactionCard } from "./stats/satisfaction";
import { SlaReportSection } from "./stats/sla-report";
import "./stats.css";
import { Segmented } from "../components/segmented";

type WindowKey = "last7Days" | "last30Days" | "allTime";
const WINDOW_DAYS: Record<WindowKey, number> = { last7Days: 7, last30Days: 30, allTime: 90 };

export function StatsPage() {
  const { api, t, locale } = useApp();
  const { categories, name: categoryName } = useCategories();
  const [windowKey, setWindowKey] = useState<WindowKey>("last30Days");
  const { data, error, reload } = useLoaded(
    () => Promise.all([api.stats(), api.statsSeries(WINDOW_DAYS[windowKey])]),
    [windowKey],
  );
  usePolling(reload, 60_000, [windowKey]);
  const [stats, series] = data ?? [null, null];

  const current: TicketStatsWindow | null = stats ? stats[windowKey] : null;
  const openNow = stats
    ? stats.allTime.byStatus.open +
      stats.allTime.byStatus.in_progress +
      stats.allTime.byStatus.waiting_for_member
    : null;

  const daily = useMemo(() => {
    if (!series) return null;
    return {
      x: series.daily.map((d) => Date.parse(`${d.date}T12:00:00Z`) / 1000),
      series: [
        { label: t("stats.opened"), values: series.daily.map((d) => d.opened), colour: "#5865f2" },
        { label: t("stats.closedCount"), values: series.daily.map((d) => d.closed), colour: "#23a55a" },
      ],
    };
  }, [series, locale]);

  const histogram = (key: "firstResponseBuckets" | "resolutionBuckets", colour: string, label: string) => {
    if (!series) return null;
    const buckets = series[key];
    return {
      x: buckets.map((_, i) => i),
      labels: bucketLabels(
        buckets.map((b) => b.upToSeconds),
        locale,
      ),
      series: [{ label, values: buckets.map((b) => b.count), colour }],
    };
  };
  const firstResponse = useMemo(
    () => histogram("firstResponseBuckets", "#8b5cf6", t("stats.tickets")),
    [series, locale],
  );
  const resolution = useMemo(
    () => histogram("resolutionBuckets", "#f59e0b", t("stats.tickets")),
    [series, locale],
  );

  return (
    <div class="stats">
      <div class="page-head">
        <h1>{t("stats.title")}</h1>
        <Segmented
          small
          name="stats-window"
          legend={t("stats.window")}
          options={["last7Days", "last30Days", "allTime"] as const}
          value={windowKey}
          label={(key) => t(`stats.${key}`)}
          onChange={setWindowKey}
        />
      </div>
      <ErrorAlert error={error} />
      <div class="kpis">
        <Kpi
          label={t("stats.opened")}
          value={current ? formatNumber(current.total, locale) : "…"}
          tone="blue"
        />
        <Kpi
          label={t("stats.closedCount")}
          value={current ? formatNumber(current.byStatus.closed, locale) : "…"}
          tone="green"
        />
        <Kpi
          label={t("stats.openNow")}
          value={openNow === null ? "…" : formatNumber(openNow, locale)}
          tone="amber"
        />
        <Kpi
          label={t("stats.medianFirstResponse")}
          value={duration(current?.firstResponse.medianSeconds, locale)}
          tone="violet"
        />
        <Kpi
          label={t("stats.medianResolution")}
          value={duration(current?.resolution.medianSeconds, locale)}
          tone="teal"
        />
      </div>
      <section class="card wide-card" aria-labelledby="chart-over-time">
        <h2 id="chart-over-time">
          {t("stats.overTime")}
          <span class="muted small"> · {t("stats.daysShown", { count: WINDOW_DAYS[windowKey] })}</span>
        </h2>
        {daily ? (
          <Chart x={daily.x} series={daily.series} kind="bars" title={t("stats.overTime")} locale={locale} />
        ) : (
          <Placeholder />
        )}
      </section>
      <SlaReportSection days={WINDOW_DAYS[windowKey]} />
      <div class="two">
        <DistributionCard
          id="chart-first-response"
          title={t("stats.firstResponseDistribution")}
          histogram={firstResponse}
          locale={locale}
        />
        <DistributionCard
          id="chart-resolution"
          title={t("stats.resolutionDistribution")}
          histogram={resolution}
          locale={locale}
        />
      </div>
      <SatisfactionCard days={WINDOW_DAYS[windowKey]} />
      {current && (
        <div class="two">
          <section class="card" aria-labelledby="by-category">
            <h2 id="by-category">{t("stats.byCategory")}</h2>
            <Bars
              rows={countedKeys(categories, current.byCategory).map((key) => [
                categoryName(key),
                current.byCategory[key] ?? 0,
              ])}
              locale={locale}
            />
          </section>
          <section class="card" aria-labelledby="by-priority">
            <h2 id="by-priority">{t("stats.byPriority")}</h2>
            <Bars
              rows={TICKET_PRIORITIES.map((p) => [t(`priority.${p}`), current.byPriority[p]])}
              locale={locale}
              tones={TICKET_PRIORITIES.map((p) => `prio-${p}`)}
            />
          </section>
        </div>
      )}
      <section class="card wide-card" aria-labelledby="agents-title">
        <h2 id="agents-title">{t("stats.agents")}</h2>
        {current && current.agents.length === 0 ? (
          <p class="muted">{t("stats.noAgents")}</p>
        ) : (
          <div class="table-wrap">
            <table class="agents">
              <thead>
                <tr>
                  <th scope="col">{t("stats.agent")}</th>
                  <th scope="col" class="num-col">
                    {t("stats.assigned")}
                  </th>
                  <th scope="col" class="num-col">
                    {t("stats.closedBy")}
                  </th>
                  <th scope="col" class="num-col">
                    {t("stats.agentFirstResponse")}
                  </th>
                  <th scope="col" class="num-col">
                    {t("stats.agentResolution")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {(current?.agents ?? []).map((agent) => (
                  <AgentRow key={agent.agentId} agent={agent} />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
