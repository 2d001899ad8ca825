/**
 * The `report` action's document: a Discord embed and the same facts as a Markdown file, in the
 * operator's language. Pure: everything it shows is passed in.
 */
import type { AnalyticsResult, Figure, ReportResult, StatusResult } from "../../shared/control/protocol";
import type { Translator } from "../../shared/i18n";
import type { AuditRecord } from "./audit";

export interface ReportFacts {
  status: StatusResult;
  analytics: AnalyticsResult;
  /** Newest first; null when the trail could not be read. */
  recent: AuditRecord[] | null;
}

const line = <T>(t: Translator, figure: Figure<T>, feature: string, ok: (value: T) => string): string =>
  figure.ok ? ok(figure.value) : t("control.report.unavailable", { feature });

export function buildReport(t: Translator, facts: ReportFacts): ReportResult {
  const { status, analytics, recent } = facts;
  const period = analytics.period.label;
  const health = t("control.report.health_value", {
    database:
      status.database.reachable && status.database.latencyMs !== null
        ? t("control.report.db_up", { ms: status.database.latencyMs })
        : t("control.report.db_down"),
    maintenance: status.maintenance.on ? t("control.report.on") : t("control.report.off"),
    restart: status.lastRestart ? status.lastRestart.at : t("control.report.never"),
  });
  const activity = [
    line(t, analytics.tickets, t("control.feature.tickets"), (v) =>
      t("control.report.tickets_value", { opened: v.opened, closed: v.closed, open: v.openNow }),
    ),
    line(t, analytics.giveaways, t("control.feature.giveaways"), (v) =>
      t("control.report.giveaways_value", {
        started: v.started,
        ended: v.ended,
        running: v.running,
        entrants: v.entrants,
      }),
    ),
    line(t, analytics.promotions, t("control.feature.shop"), (v) =>
      t("control.report.promotions_value", { run: v.promotionsRun, plans: v.plansPromoted, live: v.liveNow }),
    ),
  ].join("\n");
  const calls = recent?.length
    ? recent.map(
        (call) =>
          `${call.at} · ${call.action} · ${call.outcome} (${call.code}) · ${call.operatorName ?? call.operatorId ?? "?"} · ${call.keyId ?? call.claimedKeyId ?? "?"}`,
      )
    : [t("control.report.no_recent")];
  const description = t("control.report.description", {
    version: status.version,
    bootId: status.bootId,
    period,
    since: analytics.period.since,
    until: analytics.period.until,
  });
  const title = t("control.report.title");

  const markdown = [
    `# ${title}`,
    "",
    description,
    "",
    `## ${t("control.report.health")}`,
    "",
    ...health.split("\n").map((l) => `- ${l}`),
    "",
    `## ${t("control.report.activity", { period })}`,
    "",
    ...activity.split("\n").map((l) => `- ${l}`),
    "",
    `## ${t("control.report.recent")}`,
    "",
    ...calls.map((l) => `- ${l.replaceAll("·", "|")}`),
    "",
  ].join("\n");

  return {
    embed: {
      title,
      description,
      fields: [
        { name: t("control.report.health"), value: health },
        { name: t("control.report.activity", { period }), value: activity },
        { name: t("control.report.recent"), value: calls.slice(0, 5).join("\n").slice(0, 1024) },
      ],
      timestamp: analytics.period.until,
    },
    markdown,
    filename: `maxis-report-${analytics.period.until.slice(0, 10)}.md`,
  };
}
