import { useMemo } from "preact/hooks";
import type { ComplianceCounts } from "../../api";
import { Chart } from "../../components/chart";
import { useLoaded } from "../../components/form/use-loaded";
import { useApp } from "../../context";
import { formatNumber } from "../../i18n";
import { compliancePercent, saveFile } from "./sla-report-data";
import "./sla-report.css";
import { ErrorAlert } from "../../components/form/error-alert";

/**
 * The stats page's response-time part: how many tickets met their first-response and resolution
 * targets over the window, the backlog (tickets not closed) at the end of each day, and CSV exports
 * of the window's tickets and per-agent figures.
 */
export function SlaReportSection({ days }: { days: number }) {
  const { api, t, locale } = useApp();
  // The exports' refusals show in the same place as the report's.
  const { data: report, error, attempt } = useLoaded(() => api.slaReport(days), [days]);

  const backlog = useMemo(() => {
    if (!report) return null;
    return {
      x: report.backlog.map((d) => Date.parse(`${d.date}T12:00:00Z`) / 1000),
      series: [{ label: t("sla.backlog"), values: report.backlog.map((d) => d.backlog), colour: "#e8590c" }],
    };
  }, [report, locale]);

  const download = (kind: "tickets" | "agents") =>
    attempt(async () => saveFile(await api.exportCsv(kind, days), `${kind}-${days}d.csv`));

  const kpi = (id: string, label: string, counts: ComplianceCounts | undefined) => {
    const percent = counts ? compliancePercent(counts) : null;
    return (
      <div class="card kpi tone-violet" id={id}>
        <span class="kpi-label">{label}</span>
        <span class="kpi-value">{percent === null ? "—" : `${formatNumber(percent, locale)} %`}</span>
        {counts && (
          <span class="muted small">
            {t("sla.counts", { met: counts.met, breached: counts.breached, running: counts.running })}
          </span>
        )}
      </div>
    );
  };

  return (
    <section class="card wide-card sla-report" aria-labelledby="sla-report-title">
      <div class="sla-report-head">
        <h2 id="sla-report-title">{t("sla.title")}</h2>
        <div class="sla-exports">
          <button type="button" class="btn ghost small" onClick={() => void download("tickets")}>
            {t("sla.exportTickets")}
          </button>
          <button type="button" class="btn ghost small" onClick={() => void download("agents")}>
            {t("sla.exportAgents")}
          </button>
        </div>
      </div>
      <ErrorAlert error={error} />
      <div class="sla-kpis">
        {kpi("sla-first-response", t("sla.firstResponseMet"), report?.compliance.firstResponse)}
        {kpi("sla-resolution", t("sla.resolutionMet"), report?.compliance.resolution)}
      </div>
      <h3 id="sla-backlog-title">{t("sla.backlogOverTime")}</h3>
      {backlog ? (
        <Chart
          x={backlog.x}
          series={backlog.series}
          kind="lines"
          height={200}
          title={t("sla.backlogOverTime")}
          locale={locale}
        />
      ) : (
        <div class="skeleton chart-skeleton" aria-hidden="true" />
      )}
    </section>
  );
}
